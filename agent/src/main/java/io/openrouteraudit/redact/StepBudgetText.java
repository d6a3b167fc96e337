package io.openrouteraudit.redact;

/**
 * The text as a user regex sees it, counting every character read so that a regex with
 * catastrophic backtracking ({@code (a+)+$} on a long run of {@code a}s) gives up instead of
 * hanging the application's thread: {@link java.util.regex} has no time limit of its own.
 * Counting reads rather than checking a clock keeps the cut-off deterministic and cheap.
 */
final class StepBudgetText implements CharSequence {

    /** Thrown when the budget is spent; without a stack trace, as it is control flow, not a bug. */
    static final class Exhausted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Exhausted() {
            super("regex step budget exhausted", null, false, false);
        }
    }

    private final String text;
    private long stepsLeft;

    StepBudgetText(String text, long steps) {
        this.text = text;
        this.stepsLeft = steps;
    }

    @Override
    public char charAt(int index) {
        if (--stepsLeft < 0) {
            throw new Exhausted();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
