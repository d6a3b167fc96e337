package io.openrouteraudit.config;

import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns one trimmed configuration text into its typed value, or refuses it. Pure functions:
 * the caller decides what a refusal means (a warning and the default).
 */
final class ValueParsers {

    static final List<String> REDACTION_RULES = List.of("EMAIL", "PHONE", "SSN", "CARD", "IBAN", "IP", "API_KEY", "JWT");
    static final List<String> POLICY_REQUIREMENTS = List.of("max-tokens", "no-fallbacks", "data-collection-deny", "zdr", "no-free");

    private static final Pattern CUSTOM_RULE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    /** RFC 9110 token: the characters a header name may have. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9._:/*@+~-]+");
    /** Provider names as OpenRouter shows them, e.g. "Google AI Studio", "Inference.net", "Z.AI". */
    private static final Pattern PROVIDER_NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._/()&+:'-]*");
    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d*)?|\\.\\d+");

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
        if (v.isEmpty() || v.length() > 10 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidValueException();
        }
        long n = Long.parseLong(v);
        if (n < min || n > max) {
            throw new InvalidValueException();
        }
        return (int) n;
    }

    /** The constant whose name equals {@code v} ignoring case. */
    static <E extends Enum<E>> E enumValue(Class<E> type, String v) throws InvalidValueException {
        for (E constant : type.getEnumConstants()) {
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
        for (String entry : v.split(";", -1)) {
            if (entry.isBlank()) {
                continue; // "A=x;" or "A=x;;B=y" are harmless slips
            }
            int eq = entry.indexOf('=');
            if (eq < 0 || !CUSTOM_RULE_NAME.matcher(entry.substring(0, eq).trim()).matches()
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
        if (!HEADER_NAME.matcher(v).matches()) {
            throw new InvalidValueException();
        }
        return v;
    }

    static List<String> models(String v) throws InvalidValueException {
        return checkedList(v, MODEL_ID);
    }

    static List<String> providers(String v) throws InvalidValueException {
        return checkedList(v, PROVIDER_NAME);
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
        if (v.length() > 40 || !DECIMAL.matcher(v).matches()) {
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

    private static List<String> checkedList(String v, Pattern member) throws InvalidValueException {
        List<String> out = new ArrayList<>();
        for (String entry : commaList(v)) {
            if (!member.matcher(entry).matches()) {
                throw new InvalidValueException();
            }
            if (!out.contains(entry)) {
                out.add(entry);
            }
        }
        return List.copyOf(out);
    }
}
