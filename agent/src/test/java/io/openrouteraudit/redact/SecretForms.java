package io.openrouteraudit.redact;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * Random but valid instances of what each built-in rule must find, in the forms people write
 * them: cards bare, spaced and dashed; IBANs compact and spaced; phones of several countries;
 * IPv6 full and compressed; every vendor's key prefix; JWTs. Deterministic for a given
 * {@link Random}, so the tests built on it are too.
 */
final class SecretForms {

    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String DIGITS = "0123456789";
    private static final String ALNUM = LOWER + UPPER + DIGITS;
    private static final String HEX = "0123456789abcdef";

    private final Random random;

    SecretForms(Random random) {
        this.random = random;
    }

    /** A secret of the given rule, in one of its forms. */
    String of(BuiltinRule rule) {
        return switch (rule) {
            case EMAIL -> email();
            case PHONE -> phone();
            case SSN -> ssn();
            case CARD -> card();
            case IBAN -> iban();
            case IP -> random.nextBoolean() ? ipv4() : ipv6();
            case API_KEY -> apiKey();
            case JWT -> jwt();
        };
    }

    String email() {
        String[] locals = {"anna", "j.smith", "bob+audit", "x_y-z", "maria.garcia", "ops%team", "u" + digits(4)};
        String[] domains = {"example.com", "mail.example.co.uk", "firma-intern.de", "uni.example.edu", "corp.io",
            "sub.domain.example.org"};
        return pick(locals) + (random.nextBoolean() ? digits(2) : "") + "@" + pick(domains);
    }

    /** North American in its usual shapes, or the international form of one of several countries. */
    String phone() {
        String area = nonZero() + digits(2);
        String exchange = nonZero() + digits(2);
        String line = digits(4);
        return switch (random.nextInt(14)) {
            case 0 -> "(" + area + ") " + exchange + "-" + line;
            case 1 -> area + "-" + exchange + "-" + line;
            case 2 -> area + "." + exchange + "." + line;
            case 3 -> area + " " + exchange + " " + line;
            case 4 -> "+1 " + area + " " + exchange + " " + line;
            case 5 -> "+1-" + area + "-" + exchange + "-" + line;
            case 6 -> "1-" + area + "-" + exchange + "-" + line;
            case 7 -> "+44 20 " + digits(4) + " " + digits(4);                 // United Kingdom
            case 8 -> "+44 7" + digits(3) + " " + digits(6);                    // UK mobile
            case 9 -> "+49 " + nonZero() + digits(1) + " " + digits(7);         // Germany
            case 10 -> "+33 " + nonZero() + " " + pairs(4);                     // France
            case 11 -> "+91 " + (7 + random.nextInt(3)) + digits(4) + " " + digits(5); // India
            case 12 -> "+81-" + nonZero() + "-" + digits(4) + "-" + digits(4);  // Japan
            default -> switch (random.nextInt(4)) {
                case 0 -> "+55 11 9" + digits(4) + "-" + digits(4);             // Brazil
                case 1 -> "+61 4" + digits(2) + " " + digits(3) + " " + digits(3); // Australia
                case 2 -> "+34 6" + digits(2) + " " + digits(2) + " " + digits(2) + " " + digits(2); // Spain
                default -> "+86 13" + digits(1) + " " + digits(4) + " " + digits(4); // China
            };
        };
    }

    String ssn() {
        int area;
        do {
            area = 1 + random.nextInt(899);
        } while (area == 666);
        return String.format("%03d-%02d-%04d", area, 1 + random.nextInt(99), 1 + random.nextInt(9999));
    }

    /** A Luhn-valid number of a real network's prefix and length, bare, spaced or dashed. */
    String card() {
        String[][] networks = {{"4", "16"}, {"4", "13"}, {"51", "16"}, {"55", "16"}, {"2221", "16"}, {"34", "15"},
            {"37", "15"}, {"6011", "16"}, {"65", "19"}, {"3530", "16"}, {"36", "14"}, {"62", "17"}};
        String[] network = pick(networks);
        String number = luhnComplete(network[0] + digits(Integer.parseInt(network[1]) - network[0].length() - 1));
        return formatCard(number);
    }

    /** The same number with a wrong last digit, in the same forms: what must survive. */
    String cardWithBadLuhn() {
        String valid = card();
        char last = valid.charAt(valid.length() - 1);
        return valid.substring(0, valid.length() - 1) + (char) ('0' + (last - '0' + 1 + random.nextInt(9)) % 10);
    }

    private String formatCard(String number) {
        int form = random.nextInt(3);
        if (form == 0) {
            return number;
        }
        String separator = form == 1 ? " " : "-";
        int[] groups = number.length() == 15 ? new int[] {4, 6, 5}
                : number.length() == 14 ? new int[] {4, 6, 4} : null;
        StringBuilder out = new StringBuilder();
        int pos = 0;
        int g = 0;
        while (pos < number.length()) {
            int size = groups != null ? groups[g++] : Math.min(4, number.length() - pos);
            if (groups == null && number.length() - pos - size < 3 && number.length() - pos - size > 0) {
                size = number.length() - pos; // no group shorter than three digits at the end
            }
            if (out.length() > 0) {
                out.append(separator);
            }
            out.append(number, pos, pos + size);
            pos += size;
        }
        return out.toString();
    }

    /** A mod-97-valid IBAN of one of several countries, compact or in groups of four. */
    String iban() {
        return formatIban(ibanCompact(true));
    }

    /** The same shapes with wrong check digits. */
    String ibanWithBadChecksum() {
        return formatIban(ibanCompact(false));
    }

    private String ibanCompact(boolean valid) {
        String[][] countries = {{"DE", "d18"}, {"GB", "a4d14"}, {"FR", "d10a11d2"}, {"NL", "a4d10"}, {"ES", "d20"},
            {"IT", "a1d22"}, {"CH", "d17"}, {"BE", "d12"}, {"AT", "d16"}, {"PL", "d24"}, {"NO", "d11"}};
        String[] country = pick(countries);
        String bban = bban(country[1]);
        int check = 98 - mod97(bban + country[0] + "00");
        if (!valid) {
            check = check >= 98 ? check - 1 : check + 1;
        }
        return country[0] + String.format("%02d", check) + bban;
    }

    private String formatIban(String compact) {
        if (random.nextBoolean()) {
            return compact;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < compact.length(); i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(compact, i, Math.min(compact.length(), i + 4));
        }
        return out.toString();
    }

    /** {@code a4d14}: four capital letters, fourteen digits. */
    private String bban(String shape) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < shape.length(); ) {
            char kind = shape.charAt(i++);
            int count = 0;
            while (i < shape.length() && Character.isDigit(shape.charAt(i))) {
                count = count * 10 + (shape.charAt(i++) - '0');
            }
            out.append(kind == 'a' ? chars(UPPER, count) : digits(count));
        }
        return out.toString();
    }

    private static int mod97(String s) {
        int remainder = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            remainder = Character.isDigit(c) ? (remainder * 10 + (c - '0')) % 97 : (remainder * 100 + (c - 'A' + 10)) % 97;
        }
        return remainder;
    }

    String ipv4() {
        return octet() + "." + octet() + "." + octet() + "." + octet();
    }

    /** Full, leading zeros dropped, or compressed with {@code ::}; always with a decimal digit. */
    String ipv6() {
        String[] groups = new String[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = Integer.toHexString(random.nextInt(0x10000));
        }
        groups[0] = "2001";
        switch (random.nextInt(4)) {
            case 0:
                StringBuilder full = new StringBuilder();
                for (String g : groups) {
                    full.append(full.length() == 0 ? "" : ":").append("0".repeat(4 - g.length())).append(g);
                }
                return full.toString();
            case 1:
                return String.join(":", groups);
            case 2:
                int zerosFrom = 1 + random.nextInt(5);
                int zerosTo = zerosFrom + 1 + random.nextInt(7 - zerosFrom);
                return String.join(":", java.util.Arrays.copyOfRange(groups, 0, zerosFrom)) + "::"
                        + String.join(":", java.util.Arrays.copyOfRange(groups, zerosTo, 8));
            default:
                return pick(new String[] {"::1", "fe80::1%eth0", "2001:db8::" + groups[7], "::ffff:" + ipv4(),
                    "fe80::" + groups[5] + ":" + groups[6] + ":" + groups[7] + "%en0", "2001:db8::"});
        }
    }

    /** One of every vendor's documented key shapes. */
    String apiKey() {
        return switch (random.nextInt(12)) {
            case 0 -> "sk-or-v1-" + chars(HEX, 64);
            case 1 -> "sk-proj-" + chars(ALNUM + "-_", 48);
            case 2 -> "sk-" + chars(ALNUM, 48);
            case 3 -> "sk-ant-api03-" + chars(ALNUM + "-_", 93) + "AA";
            case 4 -> "AKIA" + chars(UPPER + DIGITS, 16);
            case 5 -> "ASIA" + chars(UPPER + DIGITS, 16);
            case 6 -> "AIza" + chars(ALNUM + "-_", 35);
            case 7 -> pick(new String[] {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"}) + chars(ALNUM, 36);
            case 8 -> "github_pat_" + chars(ALNUM, 22) + "_" + chars(ALNUM, 59);
            case 9 -> "xox" + pick(new String[] {"b", "p", "a", "r", "s"}) + "-" + digits(12) + "-" + digits(13) + "-"
                    + chars(ALNUM, 24);
            case 10 -> "sk-or-v1-" + chars(HEX, 64);
            default -> "sk-ant-admin01-" + chars(ALNUM + "-_", 60);
        };
    }

    String jwt() {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = "{\"alg\":\"" + pick(new String[] {"HS256", "RS256", "ES384"}) + "\",\"typ\":\"JWT\"}";
        String payload = "{\"sub\":\"" + digits(8) + "\",\"name\":\"" + chars(LOWER, 6) + "\",\"iat\":" + digits(10) + "}";
        return url.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + chars(ALNUM + "-_", 43);
    }

    private String octet() {
        return Integer.toString(random.nextInt(256));
    }

    private String pairs(int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "" : " ").append(digits(2));
        }
        return out.toString();
    }

    private String luhnComplete(String partial) {
        for (char d = '0'; d <= '9'; d++) {
            if (Checksums.luhnValid(partial + d)) {
                return partial + d;
            }
        }
        throw new AssertionError("some check digit always fits");
    }

    char nonZero() {
        return (char) ('1' + random.nextInt(9));
    }

    String digits(int count) {
        return chars(DIGITS, count);
    }

    String chars(String alphabet, int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }
}
