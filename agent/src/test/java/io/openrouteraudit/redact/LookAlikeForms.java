package io.openrouteraudit.redact;

import java.util.Random;

/**
 * Random text that resembles what the rules look for but is not personal data or a secret:
 * order numbers, UUIDs, timestamps, versions, hashes, money, token counts, cards with a wrong
 * Luhn digit, IBANs with wrong check digits, dotted quads with an octet over 255, ids.
 */
final class LookAlikeForms {

    static final int KINDS = 16;

    private final Random random;
    private final SecretForms forms;

    LookAlikeForms(Random random) {
        this.random = random;
        this.forms = new SecretForms(random);
    }

    /** A look-alike of kind {@code kind} (0 to {@link #KINDS} - 1). */
    String of(int kind) {
        return switch (kind) {
            case 0 -> forms.pick(new String[] {"ORD-", "INV-", "PO-", "order #", "ticket-", "case "})
                    + (2020 + random.nextInt(7)) + "-" + forms.digits(6);
            case 1 -> uuid();
            case 2 -> "1" + (6 + random.nextInt(2)) + forms.digits(8) + (random.nextBoolean() ? forms.digits(3) : "");
            case 3 -> version();
            case 4 -> forms.chars("0123456789abcdef", forms.pick(new Integer[] {7, 32, 40, 64}));
            case 5 -> money();
            case 6 -> forms.pick(new String[] {"\"prompt_tokens\":", "completion_tokens: ", "total ", "max_tokens="})
                    + (1 + random.nextInt(200_000)) + (random.nextBoolean() ? " tokens" : "");
            case 7 -> forms.cardWithBadLuhn();
            case 8 -> forms.ibanWithBadChecksum();
            case 9 -> badIpv4();
            case 10 -> String.format("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", 2020 + random.nextInt(7),
                    1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24), random.nextInt(60),
                    random.nextInt(60), random.nextInt(1000));
            case 11 -> "gen-" + forms.digits(10) + "-" + forms.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 20);
            case 12 -> forms.digits(3) + "-" + forms.digits(4) + "-" + forms.digits(2); // part numbers, not an SSN shape
            case 13 -> "$" + (1 + random.nextInt(999)) + "," + forms.digits(3) + "," + forms.digits(3) + "." + forms.digits(2);
            case 14 -> "\"total_cost\":0.000" + forms.digits(4);
            default -> forms.pick(new String[] {"sk-learn", "std::vector", "a::b", "12:30:45", "v1.2.3.4.5",
                "ISO 8601", "RFC 6750", "x = 16:9", "+5 points", "user@localhost"});
        };
    }

    private String uuid() {
        String hex = forms.chars("0123456789abcdef", 32);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    private String version() {
        return forms.pick(new String[] {"v", "", "version "}) + random.nextInt(20) + "." + random.nextInt(30) + "."
                + random.nextInt(300) + forms.pick(new String[] {"", "-beta.1", "-rc.2", ".4.5", "+build.7"});
    }

    private String money() {
        return forms.pick(new String[] {"$", "€ ", "USD ", "£"}) + (1 + random.nextInt(99_999)) + "."
                + forms.digits(2);
    }

    /** Four dotted numbers of which at least one is 256–999. */
    private String badIpv4() {
        int bad = random.nextInt(4);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            out.append(i == 0 ? "" : ".").append(i == bad ? 256 + random.nextInt(744) : random.nextInt(256));
        }
        return out.toString();
    }
}
