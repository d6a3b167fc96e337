package io.openrouteraudit.cli.stats;

/** A message fit for the command line's single stderr line: no line breaks, never empty. */
public final class OneLine {

    private OneLine() {
    }

    /** The first line of {@code message} (Jackson, for one, appends its source location on a second). */
    public static String of(String message) {
        if (message == null || message.isBlank()) {
            return "unknown error";
        }
        String first = message.strip().lines().findFirst().orElse("").strip();
        return first.isEmpty() ? "unknown error" : first;
    }
}
