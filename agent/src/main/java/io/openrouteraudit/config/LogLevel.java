package io.openrouteraudit.config;

/**
 * Verbosity of the agent's own diagnostics on stderr (key {@code log.level}).
 * Declared from least to most verbose, so the ordinal order is the filtering order.
 */
public enum LogLevel {
    OFF, ERROR, WARN, INFO, DEBUG;

    /**
     * Whether a message of level {@code msg} is printed when this is the configured level.
     * {@code OFF} as a message level is never printed: it is not a real severity.
     */
    public boolean allows(LogLevel msg) {
        return msg != null && msg != OFF && this != OFF && msg.ordinal() <= ordinal();
    }
}
