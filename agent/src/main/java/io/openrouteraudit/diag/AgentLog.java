package io.openrouteraudit.diag;

import io.openrouteraudit.config.LogLevel;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The agent's own diagnostics: one line each on stderr, redacted, never a stack trace unless
 * {@code log.level=debug}. Never the application's stdout.
 */
public final class AgentLog {

    private static final String PREFIX = "openrouter-audit: ";

    private final LogLevel level;
    private final UnaryOperator<String> redaction;
    private final PrintStream err;
    private final Set<String> saidOnce = ConcurrentHashMap.newKeySet();

    public AgentLog(LogLevel level, UnaryOperator<String> redaction, PrintStream err) {
        this.level = level;
        this.redaction = redaction;
        this.err = err;
    }

    public void error(String message, Throwable cause) {
        log(LogLevel.ERROR, message, cause);
    }

    public void warn(String message) {
        log(LogLevel.WARN, message, null);
    }

    public void warn(String message, Throwable cause) {
        log(LogLevel.WARN, message, cause);
    }

    public void info(String message) {
        log(LogLevel.INFO, message, null);
    }

    public void debug(String message) {
        log(LogLevel.DEBUG, message, null);
    }

    /** Warns once per {@code key} for the life of the agent: a broken disk must not flood stderr. */
    public void warnOnce(String key, String message, Throwable cause) {
        if (saidOnce.add(key)) {
            log(LogLevel.WARN, message, cause);
        }
    }

    public boolean isDebug() {
        return level.allows(LogLevel.DEBUG);
    }

    private void log(LogLevel at, String message, Throwable cause) {
        if (!level.allows(at)) {
            return;
        }
        String line = message;
        if (cause != null) {
            line = line + ": " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : " " + cause.getMessage());
        }
        err.println(PREFIX + redaction.apply(line.replace('\n', ' ')));
        if (cause != null && level.allows(LogLevel.DEBUG)) {
            // Exception messages of a chain may quote a request ("... for bob@example.com"), so
            // each trace line passes the redaction too, like every other line the agent writes.
            StringWriter trace = new StringWriter();
            cause.printStackTrace(new PrintWriter(trace));
            for (String traceLine : trace.toString().split("\\R")) {
                err.println(redaction.apply(traceLine));
            }
        }
    }
}
