package io.openrouteraudit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/** {@code version}: the agent's version and what it supports. */
final class VersionCommand implements JournalCommand {

    @Override
    public String name() {
        return "version";
    }

    @Override
    public String summary() {
        return "the agent's version and supported libraries";
    }

    @Override
    public String help() {
        return "usage: version\n  Prints the agent's version and the client library versions it supports.";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        CommandArgs.parse(name(), args, Set.of(), Set.of());
        Properties p = new Properties();
        try (InputStream in = VersionCommand.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // fall through to "unknown"
        }
        out.println("openrouter-audit-agent " + p.getProperty("version", "unknown"));
        out.println("java: 17 or newer (running on " + Runtime.version() + ")");
        out.println("supports: JDK java.net.http.HttpClient (17+), OkHttp 3.14.x/4.x/5.x, OpenAI Java SDK");
        out.println("built with: asm " + p.getProperty("asm", "?") + ", jackson-core "
                + p.getProperty("jackson", "?") + ", chronicle-bom " + p.getProperty("chronicle", "?"));
        return 0;
    }
}
