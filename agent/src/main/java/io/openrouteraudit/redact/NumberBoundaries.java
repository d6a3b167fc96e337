package io.openrouteraudit.redact;

import static io.openrouteraudit.redact.CharClass.at;
import static io.openrouteraudit.redact.CharClass.isAlnum;
import static io.openrouteraudit.redact.CharClass.isDigit;
import static io.openrouteraudit.redact.CharClass.isWordChar;

/**
 * Where a number-shaped match (phone, SSN, card) may begin and end.
 *
 * <p>These checks are what keep look-alikes intact: a number glued to a word or to a dotted,
 * dashed or slashed token ({@code ORD-2024-000123}, {@code v1.2}, {@code 2024/01}) is part of an
 * identifier, a version or a date, so it starts no match; and a grouped number whose separator
 * also joins it to a digit group before or after ({@code "1234 4111 1111 1111 1111"}) is part of
 * a longer number. Spaces and commas alone do not join: {@code "qty 2 4111111111111111"} and
 * CSV columns such as {@code "12,4111111111111111"} must still be redacted.
 */
final class NumberBoundaries {

    private static final int MIN_CODE_GROUP = 4;
    /** How far back a preceding group is read; longer than any group that could matter. */
    private static final int MAX_TOKEN = 40;

    private NumberBoundaries() {
    }

    static boolean mayStartAt(String s, int start) {
        char before = at(s, start - 1);
        if (isWordChar(before)) {
            return false;
        }
        return !((before == '.' || before == '-' || before == '/') && isAlnum(at(s, start - 2)));
    }

    /** True unless the text goes on with a word character or a joining character and a digit. */
    static boolean mayEndAt(String s, int end) {
        char after = at(s, end);
        if (isWordChar(after)) {
            return false;
        }
        boolean joiner = after == '.' || after == '-' || after == '/' || after == ':';
        return !(joiner && isDigit(at(s, end + 1)));
    }

    /**
     * Whether {@code separator} joins the number starting at {@code start} to a group before it:
     * a number of at least {@code minDigits} digits ({@code "2024 "}), or a code-like group of
     * four or more letters and digits ending in a digit ({@code "AT54 "}, {@code "L676 "}, as in
     * IBANs). A shorter number ({@code "qty 3 "}) is a count in prose, and a short word ending
     * in a digit ({@code "Q3 "}) is a word; neither extends the number.
     */
    static boolean continuesAfter(String s, int start, char separator, int minDigits) {
        if (at(s, start - 1) != separator || !isDigit(at(s, start - 2))) {
            return false;
        }
        int tokenStart = start - 2;
        boolean letters = false;
        while (start - 2 - tokenStart < MAX_TOKEN && isAlnum(at(s, tokenStart - 1))) {
            tokenStart--;
            letters |= !isDigit(s.charAt(tokenStart));
        }
        int length = start - 1 - tokenStart;
        return letters ? length >= MIN_CODE_GROUP : length >= minDigits;
    }

    /** Whether {@code separator} joins the number ending at {@code end} to a digit group after it. */
    static boolean continuesBefore(String s, int end, char separator) {
        return at(s, end) == separator && isDigit(at(s, end + 1));
    }
}
