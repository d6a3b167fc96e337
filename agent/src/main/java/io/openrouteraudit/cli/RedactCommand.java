package io.openrouteraudit.cli;

import io.openrouteraudit.config.AuditConfig;
import io.openrouteraudit.config.ConfigLoader;
import io.openrouteraudit.config.LoadedConfig;
import io.openrouteraudit.redact.Redactor;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * {@code redact}: stdin to stdout through the agent's own redaction engine, built from the same
 * configuration the agent would read in this environment (system properties, environment,
 * {@code openrouter.audit.config} file), so a team can try its rules on its own data.
 *
 * <p>{@code --rules} and {@code --custom} replace the configured values. A mistake in them is a
 * bad argument (one line, exit 2); a mistake in the configuration is reported the way the agent
 * reports it, one warning line, and the remaining rules still run, exactly as in the agent.
 */
final class RedactCommand implements JournalCommand {

    private static final String PREFIX = "openrouter-audit: ";

    private final InputStream in;
    private final Properties systemProperties;
    private final Map<String, String> environment;

    RedactCommand(InputStream in, Properties systemProperties, Map<String, String> environment) {
        this.in = in;
        this.systemProperties = systemProperties;
        this.environment = environment;
    }

    @Override
    public String name() {
        return "redact";
    }

    @Override
    public String summary() {
        return "stdin to stdout through the agent's redaction";
    }

    @Override
    public String help() {
        return """
                usage: redact [--rules R] [--custom C]
                  Copies stdin to stdout line by line (UTF-8), each line redacted exactly as the agent
                  redacts prompts, completions, user ids and log lines: one output line per input line,
                  line ends kept, each match replaced by [RULE]. Streams: memory grows with the longest
                  line, not with the input.
                  The rules come from the agent's configuration in this environment (-Dopenrouter.audit.*,
                  OPENROUTER_AUDIT_* variables, the file named by openrouter.audit.config); the options
                  below replace the configured values:
                  --rules R    all (default), none, or a comma list of EMAIL, PHONE, SSN, CARD, IBAN, IP,
                               API_KEY, JWT                              (redact.rules)
                  --custom C   extra rules NAME=regex separated by ';'   (redact.custom)
                  Example: java -jar openrouter-audit-agent.jar redact --custom 'TICKET=TCK-[0-9]{6}' < chat.log""";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        CommandArgs a = CommandArgs.parse(name(), args, Set.of("--rules", "--custom"), Set.of());
        LoadedConfig loaded = ConfigLoader.load(systemProperties, environment);
        AuditConfig config = loaded.config();
        List<String> configWarnings = new ArrayList<>(loaded.warnings());
        List<String> argumentWarnings = new ArrayList<>();
        String rules = a.get("--rules", null);
        String custom = a.get("--custom", null);
        WarningRouter router = new WarningRouter(rules != null, custom != null, configWarnings, argumentWarnings);
        Redactor redactor = Redactor.create(
                rules != null ? rules : config.redactRules(),
                custom != null ? custom : config.redactCustom(),
                router);
        if (!argumentWarnings.isEmpty()) {
            throw new UsageException(name() + ": " + argumentWarnings.get(0)
                    + (argumentWarnings.size() > 1 ? " (and " + (argumentWarnings.size() - 1) + " more)" : ""));
        }
        for (String warning : configWarnings) {
            // The agent sends its own log lines through the same engine; so does this command.
            String line = warning.startsWith(PREFIX) ? warning.substring(PREFIX.length()) : warning;
            err.println(PREFIX + redactor.redactText(line));
        }
        // From here on (a user regex giving up on a long line), a warning goes out as it happens.
        router.printFromNowOn(err);
        try {
            boolean complete = new LineRedactingCopy(redactor).copy(in, out);
            if (!complete) {
                err.println(PREFIX + "redact: stdout was closed; stopped reading stdin");
                return 1;
            }
            return 0;
        } catch (IOException e) {
            throw new UsageException(name() + ": cannot read stdin (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", 1);
        }
    }

    /**
     * Sends each rule-setting warning to the list of the setting it came from: the option's name
     * stands in for the configuration key when the value was given on the command line.
     */
    private static final class WarningRouter implements java.util.function.Consumer<String> {
        private final boolean rulesFromArgument;
        private final boolean customFromArgument;
        private final List<String> fromConfig;
        private final List<String> fromArguments;
        private volatile PrintStream live;

        WarningRouter(boolean rulesFromArgument, boolean customFromArgument, List<String> fromConfig,
                List<String> fromArguments) {
            this.rulesFromArgument = rulesFromArgument;
            this.customFromArgument = customFromArgument;
            this.fromConfig = fromConfig;
            this.fromArguments = fromArguments;
        }

        void printFromNowOn(PrintStream err) {
            live = err;
        }

        @Override
        public void accept(String warning) {
            PrintStream now = live;
            if (now != null) {
                now.println(PREFIX + warning);
            } else if (rulesFromArgument && warning.startsWith("redact.rules")) {
                fromArguments.add(asArgumentError("--rules", warning.substring("redact.rules".length())));
            } else if (customFromArgument && warning.startsWith("redact.custom")) {
                fromArguments.add(asArgumentError("--custom", warning.substring("redact.custom".length())));
            } else {
                fromConfig.add(warning);
            }
        }

        /** The agent skips a bad entry and goes on; here it stops the command, so "(ignored)" would mislead. */
        private static String asArgumentError(String option, String rest) {
            return option + rest.replace(" (ignored)", "");
        }
    }
}
