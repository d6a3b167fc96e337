package io.openrouteraudit.config;

import io.openrouteraudit.redact.UnescapedSplit;

import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns one trimmed configuration text into its typed value, or refuses it. Pure functions:
 * the caller decides what a refusal means (a warning and the default).
 */
final class ValueParsers {

    static final List<String> REDACTION_RULES = List.of("EMAIL", "PHONE", "SSN", "CARD", "IBAN", "IP", "API_KEY", "JWT");
    static final List<String> POLICY_REQUIREMENTS = List.of("max-tokens", "no-fallbacks", "data-collection-deny", "zdr", "no-free");

    /*
     * The shapes below are checked by hand rather than with java.util.regex: this class is
     * initialised in premain, and compiling the patterns (with the lambdas the regex engine spins
     * for its character classes) cost the application's start-up several milliseconds.
     */

    /** RFC 9110 tchar other than letters and digits: the characters a header name may have. */
    private static final String HEADER_SYMBOLS = "!#$%&'*+.^_`|~-";
    /** What a model id may have besides ASCII letters and digits. */
    private static final String MODEL_ID_SYMBOLS = "._:/*@+~-";
    /** What a provider name may have after its first character besides letters and digits. */
    private static final String PROVIDER_SYMBOLS = " ._/()&+:'-";

    private ValueParsers() {
    }

    static boolean bool(String v) throws InvalidValueException {
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw new InvalidValueException();
    }

    /** Plain decimal digits only: "1e6", "0x10" or "1MB" would be read differently by different people. */
    static int intInRange(String v, int min, int max) throws InvalidValueException {
        if (v.isEmpty() || v.length() > 10 || !allAsciiDigits(v, 0, v.length())) {
            throw new InvalidValueException();
        }
        long n = Long.parseLong(v);
        if (n < min || n > max) {
            throw new InvalidValueException();
        }
        return (int) n;
    }

    /**
     * The constant of {@code constants} (an enum's {@code values()}) whose name equals {@code v}
     * ignoring case. The array rather than the enum's class: {@link Class#getEnumConstants()}
     * finds the constants by reflection on first use.
     */
    static <E extends Enum<E>> E enumValue(E[] constants, String v) throws InvalidValueException {
        for (E constant : constants) {
            if (constant.name().equalsIgnoreCase(v)) {
                return constant;
            }
        }
        throw new InvalidValueException();
    }

    static List<HostPattern> hosts(String v) throws InvalidValueException {
        List<HostPattern> hosts = new ArrayList<>();
        for (String entry : commaList(v)) {
            try {
                hosts.add(HostPattern.parse(entry));
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException();
            }
        }
        if (hosts.isEmpty()) {
            throw new InvalidValueException();
        }
        return hosts;
    }

    /** {@code all}, {@code none} or the named rules, upper case, in the order given, without repeats. */
    static String redactRules(String v) throws InvalidValueException {
        if (v.equalsIgnoreCase("all") || v.equalsIgnoreCase("none")) {
            return v.toLowerCase(Locale.ROOT);
        }
        Set<String> rules = new LinkedHashSet<>();
        for (String entry : commaList(v)) {
            String name = entry.toUpperCase(Locale.ROOT);
            if (!REDACTION_RULES.contains(name)) {
                throw new InvalidValueException();
            }
            rules.add(name);
        }
        if (rules.isEmpty()) {
            throw new InvalidValueException();
        }
        return String.join(",", rules);
    }

    /**
     * Checks only the {@code NAME=regex;...} shape and returns the text unchanged: the redaction
     * engine compiles the expressions and reports its own errors with the rule's name.
     */
    static String redactCustom(String v) throws InvalidValueException {
        // The same split as the engine's: "\;" is a semicolon inside a regex, not a separator.
        for (String entry : UnescapedSplit.split(v, ';')) {
            if (entry.isBlank()) {
                continue; // "A=x;" or "A=x;;B=y" are harmless slips
            }
            int eq = entry.indexOf('=');
            if (eq < 0 || !isCustomRuleName(entry.substring(0, eq).trim())
                    || entry.substring(eq + 1).isEmpty()) {
                throw new InvalidValueException();
            }
        }
        return v;
    }

    /** An empty value means "use the body's user field", hence null. */
    static String userHeader(String v) throws InvalidValueException {
        if (v.isEmpty()) {
            return null;
        }
        if (!isHeaderName(v)) {
            throw new InvalidValueException();
        }
        return v;
    }

    static List<String> models(String v) throws InvalidValueException {
        return checkedList(v, false);
    }

    static List<String> providers(String v) throws InvalidValueException {
        return checkedList(v, true);
    }

    /** Lower case, without repeats. */
    static List<String> requirements(String v) throws InvalidValueException {
        Set<String> rules = new LinkedHashSet<>();
        for (String entry : commaList(v)) {
            String rule = entry.toLowerCase(Locale.ROOT);
            if (!POLICY_REQUIREMENTS.contains(rule)) {
                throw new InvalidValueException();
            }
            rules.add(rule);
        }
        return List.copyOf(rules);
    }

    /** Empty means no budget (null); otherwise a plain non-negative decimal, no sign, no exponent. */
    static BigDecimal budget(String v) throws InvalidValueException {
        if (v.isEmpty()) {
            return null;
        }
        if (v.length() > 40 || !isDecimal(v)) {
            throw new InvalidValueException();
        }
        return new BigDecimal(v);
    }

    /**
     * A path resolved against {@code userDir}; a leading {@code ~} means {@code userHome}
     * because users write it in files and -D options where no shell expands it.
     */
    static Path path(String v, Path userDir, String userHome) throws InvalidValueException {
        if (v.isEmpty() || v.indexOf('\0') >= 0) {
            throw new InvalidValueException();
        }
        String text = v;
        if (userHome != null && !userHome.isBlank() && (v.equals("~") || v.startsWith("~/"))) {
            text = userHome + v.substring(1);
        }
        try {
            return userDir.resolve(text).normalize();
        } catch (InvalidPathException e) {
            throw new InvalidValueException();
        }
    }

    /** Members of a comma list, trimmed; empty members (a trailing comma) are dropped. */
    static List<String> commaList(String v) {
        List<String> out = new ArrayList<>();
        for (String part : v.split(",", -1)) {
            String trimmed = part.trim();
            if (!trimmed.isEmpty()) {
                out.add(trimmed);
            }
        }
        return out;
    }

    /** The distinct members of a comma list, each a provider name or else a model id. */
    private static List<String> checkedList(String v, boolean providers) throws InvalidValueException {
        List<String> out = new ArrayList<>();
        for (String entry : commaList(v)) {
            if (!(providers ? isProviderName(entry) : isModelId(entry))) {
                throw new InvalidValueException();
            }
            if (!out.contains(entry)) {
                out.add(entry);
            }
        }
        return List.copyOf(out);
    }

    /** {@code [A-Za-z][A-Za-z0-9_-]*}: a {@code redact.custom} rule name. */
    static boolean isCustomRuleName(String s) {
        if (s.isEmpty() || !isAsciiLetter(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isAsciiLetterOrDigit(c) && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** {@code [!#$%&'*+.^_`|~0-9A-Za-z-]+}: an RFC 9110 token, the shape of a header name. */
    static boolean isHeaderName(String s) {
        return !s.isEmpty() && allAsciiAlnumOr(s, HEADER_SYMBOLS);
    }

    /** {@code [A-Za-z0-9._:/*@+~-]+}: a model id, {@code *} being a wildcard. */
    static boolean isModelId(String s) {
        return !s.isEmpty() && allAsciiAlnumOr(s, MODEL_ID_SYMBOLS);
    }

    /**
     * {@code [\p{L}\p{N}][\p{L}\p{N} ._/()&+:'-]*}: a provider name as OpenRouter shows it, e.g.
     * "Google AI Studio", "Inference.net", "Z.AI". Letters and numbers of any script, read by
     * code point as the regex would.
     */
    static boolean isProviderName(String s) {
        if (s.isEmpty()) {
            return false;
        }
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (!isLetterOrNumber(cp) && (i == 0 || PROVIDER_SYMBOLS.indexOf(cp) < 0)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /** {@code \d+(\.\d*)?|\.\d+}: ASCII digits with at most one dot and at least one digit. */
    static boolean isDecimal(String s) {
        int dot = s.indexOf('.');
        if (dot < 0) {
            return !s.isEmpty() && allAsciiDigits(s, 0, s.length());
        }
        return (dot > 0 || dot + 1 < s.length())
                && allAsciiDigits(s, 0, dot) && allAsciiDigits(s, dot + 1, s.length());
    }

    /** Regex {@code \p{L}} or {@code \p{N}}: a letter, or a decimal, letter or other number. */
    private static boolean isLetterOrNumber(int cp) {
        if (cp < 128) {
            return isAsciiLetterOrDigit((char) cp);
        }
        switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER:
            case Character.LOWERCASE_LETTER:
            case Character.TITLECASE_LETTER:
            case Character.MODIFIER_LETTER:
            case Character.OTHER_LETTER:
            case Character.DECIMAL_DIGIT_NUMBER:
            case Character.LETTER_NUMBER:
            case Character.OTHER_NUMBER:
                return true;
            default:
                return false;
        }
    }

    private static boolean allAsciiDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Every character an ASCII letter, an ASCII digit or one of {@code symbols} (all ASCII). */
    private static boolean allAsciiAlnumOr(String s, String symbols) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isAsciiLetterOrDigit(c) && symbols.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9');
    }
}
