package io.openrouteraudit.redact;

/**
 * The fixed IBAN length of each country in the ISO 13616 registry (SWIFT's IBAN Registry). A
 * candidate of the wrong length for its country is no IBAN whatever its checksum, which matters
 * for the grouped form: without the length, a prefix of a mistyped IBAN passes mod-97 by chance
 * once in 97 tries per group boundary.
 */
final class IbanLengths {

    /** Not a country in the registry: no IBAN starts with it. */
    static final int UNKNOWN = 0;

    // Two letters and two digits per country. A string, not a map, so that building the
    // redactor in premain loads no collection classes for it.
    private static final String REGISTRY = "AD24AE23AL28AT20AZ28BA20BE16BG22BH22BI27BR29BY28CH21CR22CY28CZ24"
            + "DE22DJ27DK18DO28EE20EG29ES24FI18FK18FO18FR27GB22GE22GI23GL18GR27GT28HN28HR21HU28IE22IL23IQ23"
            + "IS26IT27JO30KW30KZ20LB28LC32LI21LT20LU20LV21LY25MC27MD24ME22MK19MN20MR27MT31MU30NI28NL18NO15"
            + "OM23PK24PL28PS29PT25QA29RO24RS22RU33SA24SC31SD18SE24SI19SK24SM27SO23ST25SV28TL23TN24TR26UA29"
            + "VA22VG24XK20YE30";

    private static final int[] LENGTH_BY_CODE = table();

    private IbanLengths() {
    }

    /** The registered length for the two capital letters {@code a b}, or {@link #UNKNOWN}. */
    static int of(char a, char b) {
        if (!CharClass.isUpper(a) || !CharClass.isUpper(b)) {
            return UNKNOWN;
        }
        return LENGTH_BY_CODE[(a - 'A') * 26 + (b - 'A')];
    }

    private static int[] table() {
        int[] lengths = new int[26 * 26];
        for (int i = 0; i < REGISTRY.length(); i += 4) {
            int code = (REGISTRY.charAt(i) - 'A') * 26 + (REGISTRY.charAt(i + 1) - 'A');
            lengths[code] = (REGISTRY.charAt(i + 2) - '0') * 10 + (REGISTRY.charAt(i + 3) - '0');
        }
        return lengths;
    }
}
