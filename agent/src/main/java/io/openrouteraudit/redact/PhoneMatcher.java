package io.openrouteraudit.redact;

import static io.openrouteraudit.redact.CharClass.at;
import static io.openrouteraudit.redact.CharClass.isDigit;
import static io.openrouteraudit.redact.CharClass.isWordChar;

/**
 * Telephone numbers in two families.
 *
 * <ul>
 *   <li>International, introduced by {@code '+'}: digit groups separated by single spaces, dashes
 *       or dots, optionally one parenthesised group ({@code +44 (0)20 ...}), 8–15 digits in all
 *       (E.164 allows at most 15): {@code +44 20 7946 0958}, {@code +33 1 23 45 67 89},
 *       {@code +1 (555) 123-4567}, {@code +442079460958}.</li>
 *   <li>North American without {@code '+'}: {@code (555) 123-4567}, {@code 555-123-4567},
 *       {@code 555.123.4567}, {@code 555 123 4567}, optionally after {@code "1 "} or {@code "1-"}.</li>
 * </ul>
 *
 * <p>Without a {@code '+'} the separator structure is required, so a bare digit run (an order
 * number, a unix timestamp such as {@code 1766107352}) is never a phone number.
 */
final class PhoneMatcher implements TextMatcher {

    private static final int MIN_INTERNATIONAL_DIGITS = 8;
    private static final int MAX_INTERNATIONAL_DIGITS = 15;
    private static final int MAX_PARENTHESISED_DIGITS = 4;
    /** {@code "12 555 123 4567"} is one longer number; {@code "№5 555 123 4567"} is a count and a phone. */
    private static final int MIN_JOINING_DIGITS = 2;

    @Override
    public boolean mayStartWith(char c) {
        return c == '+' || c == '(' || isDigit(c);
    }

    @Override
    public int matchEnd(String s, int start) {
        char c = s.charAt(start);
        if (c == '+') {
            return internationalEnd(s, start);
        }
        if (!NumberBoundaries.mayStartAt(s, start)) {
            return -1;
        }
        if (c == '1' && isSeparator(at(s, start + 1))) {
            int end = northAmericanEnd(s, start + 2, true);
            if (end > 0) {
                return end;
            }
        }
        return northAmericanEnd(s, start, false);
    }

    private static int internationalEnd(String s, int plus) {
        char before = at(s, plus - 1);
        if (isWordChar(before) || before == '+') {
            return -1;
        }
        char first = at(s, plus + 1);
        if (!isDigit(first) || first == '0') {
            return -1;
        }
        int pos = plus + 1;
        int digits = 0;
        int groups = 0;
        int nationalDigits = 0;
        int maxNational = 0; // known once the first group turns out to be a country code
        int end = -1;
        boolean parenthesisUsed = false;
        while (true) {
            if (at(s, pos) == '(' && !parenthesisUsed) {
                int group = CharClass.digitRun(s, pos + 1, MAX_PARENTHESISED_DIGITS);
                if (group == 0 || group > MAX_PARENTHESISED_DIGITS || at(s, pos + 1 + group) != ')') {
                    break;
                }
                parenthesisUsed = true;
                digits += group;
                // "+44 (0)20 ...": the bracketed trunk zero is not dialled from abroad.
                nationalDigits += at(s, pos + 1) == '0' ? group - 1 : group;
                pos += group + 2;
            } else {
                int group = CharClass.digitRun(s, pos, MAX_INTERNATIONAL_DIGITS);
                if (group == 0) {
                    break;
                }
                if (groups > 0 && maxNational > 0 && nationalDigits + group > maxNational) {
                    break; // "+33 1 23 45 67 89 42": the number is complete; a count follows
                }
                if (groups == 0) {
                    maxNational = CountryNumberLengths.maxNationalDigits(s, pos, group);
                } else {
                    nationalDigits += group;
                }
                groups++;
                digits += group;
                pos += group;
                end = pos;
            }
            if (digits > MAX_INTERNATIONAL_DIGITS) {
                return -1;
            }
            char next = at(s, pos);
            char afterNext = at(s, pos + 1);
            if (isSeparator(next) && (isDigit(afterNext) || afterNext == '(')) {
                pos++;
            } else if (!isDigit(next) && next != '(') {
                break;
            }
        }
        if (end < 0 || digits < MIN_INTERNATIONAL_DIGITS) {
            return -1;
        }
        return NumberBoundaries.mayEndAt(s, end) ? end : -1;
    }

    /**
     * {@code (555) 123-4567} or {@code 555-123-4567} (one separator kind) starting at {@code pos};
     * {@code afterTrunkPrefix} when a leading {@code "1-"} or {@code "1 "} was already read.
     */
    private static int northAmericanEnd(String s, int pos, boolean afterTrunkPrefix) {
        char separator;
        if (at(s, pos) == '(') {
            if (!digitsAt(s, pos + 1, 3) || at(s, pos + 4) != ')') {
                return -1;
            }
            pos += 5;
            if (at(s, pos) == ' ' || at(s, pos) == '-') {
                pos++;
            }
            if (!digitsAt(s, pos, 3)) {
                return -1;
            }
            pos += 3;
            separator = isSeparator(at(s, pos)) ? at(s, pos) : CharClass.NONE; // "(555) 123 4567" or "(555)1234567"
            if (separator != CharClass.NONE) {
                pos++;
            }
        } else {
            if (!digitsAt(s, pos, 3)) {
                return -1;
            }
            separator = at(s, pos + 3);
            if (!isSeparator(separator) || !digitsAt(s, pos + 4, 3) || at(s, pos + 7) != separator
                    || (!afterTrunkPrefix && NumberBoundaries.continuesAfter(s, pos, separator, MIN_JOINING_DIGITS))) {
                return -1;
            }
            pos += 8;
        }
        if (!digitsAt(s, pos, 4)) {
            return -1;
        }
        int end = pos + 4;
        return !NumberBoundaries.continuesBefore(s, end, separator) && NumberBoundaries.mayEndAt(s, end) ? end : -1;
    }

    /** Exactly {@code count} digits at {@code from}, not followed by another digit. */
    private static boolean digitsAt(String s, int from, int count) {
        return CharClass.digitRun(s, from, count) == count;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '.';
    }
}
