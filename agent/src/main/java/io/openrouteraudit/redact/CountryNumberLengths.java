package io.openrouteraudit.redact;

/**
 * The longest national number (digits after the country code) of calling codes whose numbering
 * plan has a fixed or bounded length (ITU-T E.164 national plans). It tells where a grouped
 * international number ends when a count follows it ({@code "+33 1 23 45 67 89 42"}); codes not
 * listed, or with very variable lengths such as Germany's, keep the greedy reading up to E.164's
 * 15 digits.
 */
final class CountryNumberLengths {

    // "code:max" pairs. A string parsed once into an array rather than a map, so that building
    // the redactor in premain loads no collection classes for it.
    private static final String PLANS = "1:10,7:10,20:10,27:9,30:10,31:9,32:9,33:9,34:9,36:9,39:11,40:9,41:9,44:10,"
            + "45:8,47:8,48:9,51:9,52:10,54:10,55:11,56:9,57:10,60:10,61:9,63:10,64:10,65:8,66:9,81:10,82:10,"
            + "84:10,86:11,90:10,91:10,92:10,234:10,254:9,351:9,353:9,852:8,966:9,971:9,972:9";
    private static final int[] MAX_BY_CODE = table();

    private CountryNumberLengths() {
    }

    /**
     * The longest national number for the calling code written as the {@code length} digits at
     * {@code from} (the first group after {@code '+'}), or 0 when unknown.
     */
    static int maxNationalDigits(String s, int from, int length) {
        if (length > 3) {
            return 0;
        }
        return MAX_BY_CODE[Integer.parseInt(s, from, from + length, 10)];
    }

    private static int[] table() {
        int[] max = new int[1000];
        int pos = 0;
        while (pos < PLANS.length()) {
            int colon = PLANS.indexOf(':', pos);
            int comma = PLANS.indexOf(',', colon);
            int end = comma < 0 ? PLANS.length() : comma;
            max[Integer.parseInt(PLANS, pos, colon, 10)] = Integer.parseInt(PLANS, colon + 1, end, 10);
            pos = end + 1;
        }
        return max;
    }
}
