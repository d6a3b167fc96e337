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

    /** Whether {@code separator} joins the number starting at {@code start} to a digit group before it. */
    static boolean continuesAfter(String s, int start, char separator) {
        return at(s, start - 1) == separator && isDigit(at(s, start - 2));
    }

    /** Whether {@code separator} joins the number ending at {@code end} to a digit group after it. */
    static boolean continuesBefore(String s, int end, char separator) {
        return at(s, end) == separator && isDigit(at(s, end + 1));
    }
}
