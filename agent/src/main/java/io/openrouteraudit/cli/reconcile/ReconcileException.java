package io.openrouteraudit.cli.reconcile;

/**
 * A failure that stops the reconciliation: the server cannot be reached, refuses the key, keeps
 * failing or rate limiting past the backoff budget, or answers something unreadable. Its
 * message is one line for stderr and never holds the API key.
 */
public final class ReconcileException extends Exception {

    public ReconcileException(String message) {
        super(message, null, false, false);
    }
}
