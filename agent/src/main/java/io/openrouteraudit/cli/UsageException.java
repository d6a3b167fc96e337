package io.openrouteraudit.cli;

/** Bad arguments or an unusable journal: one line on stderr and a non-zero exit. */
final class UsageException extends Exception {

    private final int exitCode;

    UsageException(String message) {
        this(message, 2);
    }

    UsageException(String message, int exitCode) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
