package io.openrouteraudit.redact;

/**
 * A hand-written matcher for one built-in rule, anchored at a position.
 *
 * <p>Implementations are stateless and thread-safe: one instance serves every text. Each must
 * do its cheapest checks (the character itself, then the one before it) first, because the
 * scanner calls it at every position where {@link #mayStartWith} holds; and each must read only a
 * bounded distance ahead, or start only where a token starts, so a whole pass stays linear.
 *
 * <p>Every built-in match starts where a token starts: never right after an ASCII letter or
 * digit, and never at a non-ASCII character. The scanner relies on this to skip the inside of
 * words without calling the matchers, which is most of the work saved over running each rule's
 * regular expression.
 */
interface TextMatcher {

    /** A cheap, over-approximating test: {@code false} means no match can start with {@code c}. */
    boolean mayStartWith(char c);

    /**
     * The end (exclusive) of the match that starts exactly at {@code start}, or {@code -1}.
     * A returned end is always greater than {@code start}.
     */
    int matchEnd(String text, int start);
}
