package io.openrouteraudit.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** {@code java -jar openrouter-audit-agent.jar COMMAND [options]}. */
public final class AuditCli {

    private final Map<String, JournalCommand> commands = new LinkedHashMap<>();
    private final PrintStream out;
    private final PrintStream err;

    AuditCli(PrintStream out, PrintStream err) {
        this(InputStream.nullInputStream(), out, err, new Properties(), Map.of());
    }

    /**
     * @param systemProperties and {@code environment}: where {@code redact} reads the agent's
     *                         configuration, as the agent itself would in this process
     */
    AuditCli(InputStream in, PrintStream out, PrintStream err, Properties systemProperties,
            Map<String, String> environment) {
        this.out = out;
        this.err = err;
        for (JournalCommand c : List.of(new ExportCommand(), new TailCommand(), new StatsCommand(), new VerifyCommand(),
                new RedactCommand(in, systemProperties, environment), new ReportCommand(), new ReconcileCommand(),
                new VersionCommand())) {
            commands.put(c.name(), c);
        }
    }

    /** Entry from the launcher; returns the process exit code. */
    public static int run(String[] args) {
        return new AuditCli(System.in, System.out, System.err, System.getProperties(), System.getenv())
                .execute(Arrays.asList(args));
    }

    int execute(List<String> args) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
            overview(args.isEmpty() ? err : out);
            return args.isEmpty() ? 2 : 0;
        }
        JournalCommand command = commands.get(args.get(0));
        if (command == null) {
            err.println("openrouter-audit: unknown command '" + args.get(0) + "' (commands: "
                    + String.join(", ", commands.keySet()) + ")");
            return 2;
        }
        List<String> rest = args.subList(1, args.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println(command.help());
            return 0;
        }
        try {
            return command.run(rest, out, err);
        } catch (UsageException e) {
            err.println("openrouter-audit: " + e.getMessage());
            return e.exitCode();
        } catch (RuntimeException e) {
            err.println("openrouter-audit: " + command.name() + " failed: " + e);
            return 1;
        }
    }

    private void overview(PrintStream to) {
        to.println("usage: java -jar openrouter-audit-agent.jar COMMAND [options]   (COMMAND --help for more)");
        commands.values().forEach(c -> to.printf("  %-8s %s%n", c.name(), c.summary()));
    }
}
