package io.openrouteraudit.redact;

/**
 * Character tests shared by the matchers. The ASCII-only tests are deliberate: the formats being
 * recognised (card numbers, IBANs, keys, addresses) are ASCII, and a Unicode digit such as
 * {@code '٣'} must not turn a word into a card number.
 */
final class CharClass {

    /** Returned by {@link #at} outside the text; it is no letter, digit or separator of any rule. */
    static final char NONE = '\0';

    private CharClass() {
    }

    /** The char at {@code i}, or {@link #NONE} outside the text: lets matchers peek without bounds checks. */
    static char at(String s, int i) {
        return i >= 0 && i < s.length() ? s.charAt(i) : NONE;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isLetter(char c) {
        return isUpper(c) || (c >= 'a' && c <= 'z');
    }

    static boolean isAlnum(char c) {
        return isDigit(c) || isLetter(c);
    }

    static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /**
     * Part of a word in any script. Used for boundaries, where Unicode matters the other way
     * round: {@code "Müller4111..."} is one token, so no card starts inside it.
     */
    static boolean isWordChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    /** Counts the ASCII digits starting at {@code from}, reading at most {@code limit + 1} of them. */
    static int digitRun(String s, int from, int limit) {
        int i = from;
        while (i - from <= limit && isDigit(at(s, i))) {
            i++;
        }
        return i - from;
    }
}
