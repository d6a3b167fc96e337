package io.openrouteraudit.config;

/**
 * A configuration value that does not meet its key's rules. Only ever caught inside this
 * package and turned into a warning line, so it carries no message and no stack trace.
 */
final class InvalidValueException extends Exception {

    private static final long serialVersionUID = 1L;

    InvalidValueException() {
        super(null, null, false, false);
    }
}
