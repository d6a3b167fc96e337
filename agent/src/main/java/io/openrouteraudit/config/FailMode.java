package io.openrouteraudit.config;

/** What happens to a call when its journal record cannot be written (key {@code fail-mode}). */
public enum FailMode {
    /** The call goes on and the failure is reported. */
    OPEN,
    /** The call is refused with an {@code IOException} before any byte leaves. */
    CLOSED
}
