package io.openrouteraudit.journal;

/**
 * Writes a finite double as {@code BigDecimal.valueOf(d).stripTrailingZeros().toPlainString()}
 * does - the form the chain has always hashed for {@code total_cost} - straight from the digits
 * of {@code Double.toString(d)}, without the three {@code BigDecimal}s and strings in between.
 * Not thread-safe: one per encoder.
 */
final class PlainDecimal {

    // Double.toString never gives more than 17 significant digits.
    private final byte[] digits = new byte[32];
    // StringBuilder.append(double) writes what Double.toString gives on the running JDK (both use
    // one algorithm) without making the String: the append path allocates nothing.
    private final StringBuilder text = new StringBuilder(32);

    void append(Utf8LineBuffer out, double value) {
        text.setLength(0);
        text.append(value);
        int n = text.length();
        int i = 0;
        boolean negative = text.charAt(0) == '-';
        if (negative) {
            i++;
        }
        int count = 0;
        int fractionDigits = 0;
        boolean inFraction = false;
        int exponent = 0;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                inFraction = true;
            } else if (c == 'E') {
                exponent = Integer.parseInt(text, i + 1, n, 10);
                break;
            } else {
                // leading zeros say nothing about the value (BigDecimal keeps an integer unscaled value)
                if (count > 0 || c != '0') {
                    digits[count++] = (byte) c;
                }
                if (inFraction) {
                    fractionDigits++;
                }
            }
        }
        if (count == 0) {
            out.ascii('0'); // zero (either sign) strips to BigDecimal.ZERO
            return;
        }
        int scale = fractionDigits - exponent;
        while (digits[count - 1] == '0') {
            count--;
            scale--;
        }
        if (negative) {
            out.ascii('-');
        }
        if (scale <= 0) {
            out.append(digits, 0, count);
            for (int z = 0; z < -scale; z++) {
                out.ascii('0');
            }
        } else if (scale >= count) {
            out.ascii('0').ascii('.');
            for (int z = 0; z < scale - count; z++) {
                out.ascii('0');
            }
            out.append(digits, 0, count);
        } else {
            out.append(digits, 0, count - scale).ascii('.').append(digits, count - scale, scale);
        }
    }
}
