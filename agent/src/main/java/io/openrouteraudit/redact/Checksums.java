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
        char[] chars = new char[IBAN_MAX_LENGTH];
        int length = 0;
        for (int i = from; i < to; i++) {
            char c = Character.toUpperCase(s.charAt(i));
            if (CharClass.isAlnum(c)) {
                if (length == IBAN_MAX_LENGTH) {
                    return false;
                }
                chars[length++] = c;
            }
        }
        if (length < IBAN_MIN_LENGTH || !CharClass.isUpper(chars[0]) || !CharClass.isUpper(chars[1])
                || !CharClass.isDigit(chars[2]) || !CharClass.isDigit(chars[3])) {
            return false;
        }
        int remainder = 0;
        for (int k = 0; k < length; k++) {
            char c = chars[(k + 4) % length]; // rotate: country code and check digits go last
            remainder = CharClass.isDigit(c)
                    ? (remainder * 10 + (c - '0')) % 97
                    : (remainder * 100 + (c - 'A' + 10)) % 97;
        }
        return remainder == 1;
    }
}
