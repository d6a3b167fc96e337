package io.openrouteraudit.redact;

import static io.openrouteraudit.redact.CharClass.at;
import static io.openrouteraudit.redact.CharClass.isDigit;

/**
 * Payment card numbers: 13–19 digits, bare or in groups separated by single spaces or single
 * dashes (one kind per number), that pass the Luhn check.
 *
 * <p>Beyond Luhn, two shape rules keep look-alikes out: separated groups must be 3–8 digits
 * long (so {@code "2024-01-15"} or a digit list is no card), and a bare run may not start with
 * 0 or 1 — no card network issues such numbers, while millisecond timestamps
 * ({@code 1766107352123}) and zero-padded ids do look like that. The whole run of groups must
 * fit: a run longer than 19 digits is some other number, not a card followed by extra digits.
 */
final class CardMatcher implements TextMatcher {

    private static final int MIN_DIGITS = 13;
    private static final int MAX_DIGITS = 19;
    private static final int MIN_GROUP = 3;
    private static final int MAX_GROUP = 8;

    @Override
    public boolean mayStartWith(char c) {
        return isDigit(c);
    }

    @Override
    public int matchEnd(String s, int start) {
        if (!NumberBoundaries.mayStartAt(s, start)) {
            return -1;
        }
        int pos = start;
        int digits = 0;
        int groups = 0;
        boolean groupSizesFit = true;
        char separator = 0;
        while (true) {
            int group = CharClass.digitRun(s, pos, MAX_DIGITS);
            digits += group;
            groups++;
            pos += group;
            if (digits > MAX_DIGITS) {
                return -1;
            }
            groupSizesFit &= group >= MIN_GROUP && group <= MAX_GROUP;
            char next = at(s, pos);
            if ((next == ' ' || next == '-') && isDigit(at(s, pos + 1))) {
                if (separator != 0 && next != separator) {
                    return -1;
                }
                separator = next;
                pos++;
                continue;
            }
            break;
        }
        if (digits < MIN_DIGITS || (groups > 1 && !groupSizesFit)
                || (separator != 0 && NumberBoundaries.continuesAfter(s, start, separator))) {
            return -1;
        }
        char first = s.charAt(start);
        if (groups == 1 && (first == '0' || first == '1')) {
            return -1;
        }
        if (!NumberBoundaries.mayEndAt(s, pos)) {
            return -1;
        }
        return Checksums.luhnValid(s, start, pos) ? pos : -1;
    }
}
