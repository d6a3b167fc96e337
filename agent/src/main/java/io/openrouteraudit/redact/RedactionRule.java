package io.openrouteraudit.redact;

/**
 * One enabled rule as the scanner in {@link Redactor} sees it: a label, a start-character
 * pre-check, and a matcher bound to the text being redacted.
 *
 * <p>The binding step exists for rules that need per-text state (a user regex keeps its
 * {@link java.util.regex.Matcher} and its next match); stateless rules just close over the text.
 */
interface RedactionRule {

    /** The replacement label, without brackets, and the key under which matches are counted. */
    String name();

    /** See {@link TextMatcher#mayStartWith}; evaluated once per ASCII character at creation time. */
    boolean mayStartWith(char c);

    /**
     * Whether matches start only where a token starts: never right after an ASCII letter or
     * digit, and never at a non-ASCII character. True for every built-in rule (see
     * {@link TextMatcher}); it lets the scanner skip the inside of words, most of any text,
     * without asking the rule.
     */
    boolean startsOnlyAtTokenStart();

    /** A matcher for one text; called once per {@link Redactor#redact} call, on that call's thread. */
    PositionMatcher bind(String text);

    /** A matcher bound to one text. */
    @FunctionalInterface
    interface PositionMatcher {
        /** End (exclusive, greater than {@code start}) of a match starting at {@code start}, or -1. */
        int matchEnd(int start);
    }
}
