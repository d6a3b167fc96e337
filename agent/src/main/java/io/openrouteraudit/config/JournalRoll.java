package io.openrouteraudit.config;

/** How often the journal starts a new file (key {@code journal.roll}). */
public enum JournalRoll {
    DAILY,
    HOURLY
}
