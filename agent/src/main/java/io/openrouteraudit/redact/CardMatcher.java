package io.openrouteraudit.redact;

import static io.openrouteraudit.redact.CharClass.at;
import static io.openrouteraudit.redact.CharClass.isDigit;

/**
 * Payment card numbers: 13–19 digits, bare or in groups separated by single spaces or single
 * dashes (one kind per number), that pass the Luhn check.
 *
 * <p>Beyond Luhn, shape rules keep look-alikes out: separated groups must be 3–8 digits long
 * and the first exactly four (so {@code "2024-01-15"}, a digit list or a phone number followed
 * by a year is no card), and a bare run may not start with 0 or 1 — no card network issues such
 * numbers, while millisecond timestamps ({@code 1766107352123}) and zero-padded ids do look like
 * that. The whole run of groups must fit: a run longer than 19 digits is some other number, not
 * a card followed by extra digits. A group of one or two digits after the number, or a change
 * of separator, ends it: {@code "4111 1111 1111 1111 12"} is a card and a count, since leaving a
 * card in the text is the worse mistake.
 */
final class CardMatcher implements TextMatcher {

    private static final int MIN_DIGITS = 13;
    private static final int MAX_DIGITS = 19;
    private static final int MIN_GROUP = 3;
    private static final int MAX_GROUP = 8;
    /** Every network prints its numbers starting with a group of four (4-4-4-4, 4-6-5, 4-6-4). */
    private static final int FIRST_GROUP = 4;

    @Override
    public boolean mayStartWith(char c) {
        return isDigit(c);
    }

    @Override
    public int matchEnd(String s, int start) {
        if (!NumberBoundaries.mayStartAt(s, start)) {
            return -1;
        }
        int end = start;
        int digits = 0;
        int groups = 0;
        int firstGroup = 0;
        boolean groupSizesFit = true;
        char separator = 0;
        while (true) {
            int groupStart = groups == 0 ? start : end + 1;
            int group = CharClass.digitRun(s, groupStart, MAX_DIGITS);
            if (groups >= 2 && group < MIN_GROUP) {
                break; // "4111 1111 1111 1111 42": a count after the card; if no card, nothing is lost
            }
            if (groups == 0) {
                firstGroup = group;
            }
            digits += group;
            groups++;
            end = groupStart + group;
            if (digits > MAX_DIGITS) {
                return -1;
            }
            groupSizesFit &= group >= MIN_GROUP && group <= MAX_GROUP;
            char next = at(s, end);
            // A bare card is one run; a separator after it starts another number ("4111111111111111 42").
            boolean bare = groups == 1 && group > MAX_GROUP;
            if (!bare && (next == ' ' || next == '-') && isDigit(at(s, end + 1))) {
                if (separator != 0 && next != separator) {
                    break; // "4111-1111-1111-1111 3": the dashed number ended at the space
                }
                separator = next;
                continue;
            }
            break;
        }
        if (digits < MIN_DIGITS || (groups > 1 && (!groupSizesFit || firstGroup != FIRST_GROUP))
                || (separator != 0 && NumberBoundaries.continuesAfter(s, start, separator, MIN_GROUP))) {
            return -1;
        }
        char first = s.charAt(start);
        if (groups == 1 && (first == '0' || first == '1')) {
            return -1;
        }
        if (!NumberBoundaries.mayEndAt(s, end)) {
            return -1;
        }
        return Checksums.luhnValid(s, start, end) ? end : -1;
    }
}
