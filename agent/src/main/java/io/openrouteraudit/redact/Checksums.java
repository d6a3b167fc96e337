package io.openrouteraudit.redact;

/**
 * The check-digit algorithms that separate real card numbers and IBANs from random digit runs.
 * Separators (anything not a letter or digit) inside the range are skipped, so callers can pass
 * the text as written ({@code "4111 1111 1111 1111"}, {@code "GB82 WEST ..."}) without copying.
 */
final class Checksums {

    private static final int IBAN_MIN_LENGTH = 15;
    private static final int IBAN_MAX_LENGTH = 34;

    private Checksums() {
    }

    static boolean luhnValid(CharSequence digits) {
        return luhnValid(digits, 0, digits.length());
    }

    /** Luhn (mod 10) over the ASCII digits in {@code [from, to)}; false if there are none or another letter appears. */
    static boolean luhnValid(CharSequence s, int from, int to) {
        int sum = 0;
        int count = 0;
        for (int i = to - 1; i >= from; i--) {
            char c = s.charAt(i);
            if (CharClass.isLetter(c)) {
                return false;
            }
            if (!CharClass.isDigit(c)) {
                continue;
            }
            int d = c - '0';
            if (count % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            count++;
        }
        return count > 0 && sum % 10 == 0;
    }

    static boolean ibanValid(CharSequence iban) {
        return ibanValid(iban, 0, iban.length());
    }

    /**
     * ISO 13616 / ISO 7064 mod-97-10 over the letters and digits in {@code [from, to)}: two
     * letters, two check digits, then 11–30 more; the first four moved to the end, letters read
     * as 10–35, and the resulting number must leave remainder 1 when divided by 97.
     */
    static boolean ibanValid(CharSequence s, int from, int to) {
        // Read in place rather than gathered into an array: this runs for every IBAN-shaped token.
        int length = 0;
        int fifth = to; // where the alphanumerics after the country code and check digits begin
        for (int i = from; i < to; i++) {
            char c = Character.toUpperCase(s.charAt(i));
            if (CharClass.isAlnum(c)) {
                if (length == IBAN_MAX_LENGTH) {
                    return false;
                }
                boolean shapeFits = length < 2 ? CharClass.isUpper(c) : length >= 4 || CharClass.isDigit(c);
                if (!shapeFits) {
                    return false;
                }
                if (length == 4) {
                    fifth = i;
                }
                length++;
            }
        }
        if (length < IBAN_MIN_LENGTH) {
            return false;
        }
        // Rotate: country code and check digits go last.
        int remainder = mod97(s, fifth, to, 0);
        return mod97(s, from, fifth, remainder) == 1;
    }

    /** Continues {@code remainder} over the letters (as 10-35) and digits in {@code [from, to)}. */
    private static int mod97(CharSequence s, int from, int to, int remainder) {
        for (int i = from; i < to; i++) {
            char c = Character.toUpperCase(s.charAt(i));
            if (CharClass.isDigit(c)) {
                remainder = (remainder * 10 + (c - '0')) % 97;
            } else if (CharClass.isUpper(c)) {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            }
        }
        return remainder;
    }
}
