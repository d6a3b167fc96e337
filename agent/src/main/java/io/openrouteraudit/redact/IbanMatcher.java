package io.openrouteraudit.redact;

import static io.openrouteraudit.redact.CharClass.at;
import static io.openrouteraudit.redact.CharClass.isDigit;
import static io.openrouteraudit.redact.CharClass.isUpper;
import static io.openrouteraudit.redact.CharClass.isWordChar;

/**
 * International Bank Account Numbers: two capital letters, two check digits, then up to 30
 * capital letters or digits, written either in one piece ({@code GB82WEST12345698765432}) or in
 * groups of four separated by single spaces ({@code GB82 WEST 1234 5698 7654 32}). Only numbers
 * of a country in the IBAN registry, of that country's length, that pass the mod-97 check are
 * matched, so a wrong check digit, a wrong length or a made-up country code leaves the text alone.
 *
 * <p>In the grouped form the text after the number may itself look like a group
 * ({@code "... 7654 32 TEST"}), so every group boundary is a candidate end, but only the end
 * that gives the country's {@link IbanLengths registered length} counts (and a compact IBAN must
 * have that length): trying every boundary against mod-97 alone would pass a prefix of a
 * mistyped IBAN about once in 97 per boundary, and cost a checksum per boundary at every
 * capitalised token.
 */
final class IbanMatcher implements TextMatcher {

    private static final int MAX_LENGTH = 34;
    private static final int GROUP = 4;
    private static final int MAX_GROUPS = (MAX_LENGTH + GROUP - 1) / GROUP;

    @Override
    public boolean mayStartWith(char c) {
        return isUpper(c);
    }

    /** A necessary condition: a country code's second letter, then a check digit. */
    static boolean mayStartAt(String s, int start) {
        return isUpper(at(s, start + 1)) && isDigit(at(s, start + 2));
    }

    @Override
    public int matchEnd(String s, int start) {
        if (isWordChar(at(s, start - 1)) || !isUpper(at(s, start + 1))
                || !isDigit(at(s, start + 2)) || !isDigit(at(s, start + 3))
                || IbanLengths.of(s.charAt(start), s.charAt(start + 1)) == IbanLengths.UNKNOWN) {
            return -1;
        }
        return at(s, start + GROUP) == ' ' ? groupedEnd(s, start) : compactEnd(s, start);
    }

    private static int compactEnd(String s, int start) {
        int end = start;
        while (end - start <= MAX_LENGTH && isIbanChar(at(s, end))) {
            end++;
        }
        int length = end - start;
        if (isWordChar(at(s, end)) || length != IbanLengths.of(s.charAt(start), s.charAt(start + 1))) {
            return -1;
        }
        return Checksums.ibanValid(s, start, end) ? end : -1;
    }

    private static int groupedEnd(String s, int start) {
        // Group lengths only grow the total, so at most one boundary gives the registered length.
        int registered = IbanLengths.of(s.charAt(start), s.charAt(start + 1));
        int registeredEnd = -1;
        int candidates = 0;
        int pos = start + GROUP;
        int ibanLength = GROUP;
        while (candidates < MAX_GROUPS - 1 && at(s, pos) == ' ' && isIbanChar(at(s, pos + 1))) {
            int groupStart = pos + 1;
            int groupEnd = groupStart;
            while (groupEnd - groupStart <= GROUP && isIbanChar(at(s, groupEnd))) {
                groupEnd++;
            }
            int length = groupEnd - groupStart;
            if (length > GROUP || isWordChar(at(s, groupEnd))) {
                break; // a longer word follows: the number ended before it
            }
            ibanLength += length;
            candidates++;
            if (ibanLength == registered) {
                registeredEnd = groupEnd;
            }
            pos = groupEnd;
            if (length < GROUP) {
                break; // only the last group may be short
            }
        }
        return registeredEnd > 0 && Checksums.ibanValid(s, start, registeredEnd) ? registeredEnd : -1;
    }

    private static boolean isIbanChar(char c) {
        return isUpper(c) || isDigit(c);
    }
}
