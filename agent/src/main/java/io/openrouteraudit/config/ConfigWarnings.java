package io.openrouteraudit.config;

/**
 * The wording of every configuration warning, in one place so all lines look alike: one line,
 * prefixed, values quoted and cut so a stray multi-line value cannot flood or forge the log.
 */
final class ConfigWarnings {

    static final String PREFIX = "openrouter-audit: ";
    static final int MAX_ECHOED_CHARS = 80;
    private static final String HEX_DIGITS = "0123456789abcdef";

    private ConfigWarnings() {
    }

    /** {@code invalid value 'xyz' for NAME (allowed: ...); using 'D'} */
    static String invalidValue(String name, String value, String allowed, String fallback) {
        String using = fallback.isEmpty() ? "using the default (empty)" : "using " + quote(fallback);
        return PREFIX + "invalid value " + quote(value) + " for " + name + " (allowed: " + allowed + "); " + using;
    }

    /** {@code unknown key NAME; did you mean SUGGESTION?} or without the suggestion. */
    static String unknownKey(String name, String suggestion) {
        return PREFIX + "unknown key " + name + (suggestion == null ? "" : "; did you mean " + suggestion + "?");
    }

    static String other(String text) {
        return PREFIX + oneLine(text);
    }

    /** The value in single quotes, at most {@value #MAX_ECHOED_CHARS} characters, control characters escaped. */
    static String quote(String value) {
        String cut = value.length() > MAX_ECHOED_CHARS ? value.substring(0, MAX_ECHOED_CHARS) + "..." : value;
        return "'" + oneLine(cut) + "'";
    }

    private static String oneLine(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        appendUnicodeEscape(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A backslash, {@code u} and four lower-case hex digits: what {@code "\\u%04x"} formats {@code c} as. */
    private static void appendUnicodeEscape(StringBuilder out, char c) {
        out.append('\\').append('u');
        for (int shift = 12; shift >= 0; shift -= 4) {
            out.append(HEX_DIGITS.charAt((c >> shift) & 0xF));
        }
    }
}
