package io.openrouteraudit.config;

/** What of the prompt and completion text goes into spans and the journal (key {@code content}). */
public enum ContentMode {
    /** Hashes only; the text itself never leaves the agent. */
    NONE,
    /** The text after redaction. */
    REDACTED,
    /** The raw text, as the application sent and received it. */
    FULL
}
