package io.openrouteraudit.redact;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses the {@code redact.rules} and {@code redact.custom} settings. A bad entry costs one
 * warning line and that entry only; everything else still runs, because losing all redaction
 * over a typo would be the worse failure.
 *
 * <p>Warnings name the entry and what is allowed, but never quote a custom regex: users may put
 * a literal secret in one, and warnings go to stderr.
 */
final class RuleSettings {

    private static final String RULES_KEY = "redact.rules";
    private static final String CUSTOM_KEY = "redact.custom";
    /** {@code values()} copies its array on each call; this is read once per setting entry. */
    private static final BuiltinRule[] BUILTINS = BuiltinRule.values();
    private static final String CUSTOM_FORMAT = "expected NAME=regex entries separated by ';' (write \\; for a"
            + " literal ';' in a regex), NAME made of letters, digits, '_' and '-'";

    private RuleSettings() {
    }

    /** The enabled built-in rules; blank means the default, {@code all}. */
    static Set<BuiltinRule> builtins(String setting, Consumer<String> warn) {
        EnumSet<BuiltinRule> enabled = EnumSet.noneOf(BuiltinRule.class);
        if (setting == null || setting.isBlank()) {
            return EnumSet.allOf(BuiltinRule.class);
        }
        for (String raw : setting.split(",")) {
            String entry = raw.trim();
            if (entry.isEmpty() || entry.equalsIgnoreCase("none")) {
                continue;
            }
            if (entry.equalsIgnoreCase("all")) {
                enabled.addAll(EnumSet.allOf(BuiltinRule.class));
                continue;
            }
            BuiltinRule rule = lookup(entry);
            if (rule == null) {
                warn.accept(RULES_KEY + ": unknown rule '" + entry + "' in '" + setting.trim()
                        + "' (ignored); allowed: all, none, or a comma list of " + allRuleNames());
            } else {
                enabled.add(rule);
            }
        }
        return enabled;
    }

    /** The user rules, in the order written; entries that do not parse are skipped with a warning. */
    static List<CustomRegexRule> custom(String setting, Consumer<String> warn) {
        List<CustomRegexRule> rules = new ArrayList<>();
        if (setting == null || setting.isBlank()) {
            return rules;
        }
        List<String> entries = splitUnescaped(setting, ';');
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            if (entry.isBlank()) {
                continue; // tolerate "A=x;" and "A=x;;B=y"
            }
            int equals = entry.indexOf('=');
            String name = equals < 0 ? "" : entry.substring(0, equals).trim();
            if (!isRuleName(name)) {
                warn.accept(CUSTOM_KEY + ": entry " + (i + 1) + " has no valid rule name (ignored); " + CUSTOM_FORMAT);
                continue;
            }
            String regex = entry.substring(equals + 1);
            if (regex.isEmpty()) {
                warn.accept(CUSTOM_KEY + ": rule '" + name + "' has an empty regex (ignored); " + CUSTOM_FORMAT);
                continue;
            }
            CustomRegexRule rule = RegexCompiler.compile(name, regex, warn);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return rules;
    }

    /**
     * Compiles a user rule's regex. A class of its own so that {@code java.util.regex} is loaded
     * only when there are user rules: verifying a {@code catch (PatternSyntaxException)} in
     * {@link RuleSettings} would load that class in every premain.
     */
    private static final class RegexCompiler {

        private RegexCompiler() {
        }

        /** The rule, or null after one warning when the regex does not compile. */
        static CustomRegexRule compile(String name, String regex, Consumer<String> warn) {
            try {
                return new CustomRegexRule(name, Pattern.compile(regex), warn);
            } catch (PatternSyntaxException e) {
                warn.accept(CUSTOM_KEY + ": rule '" + name + "' has an invalid regex (" + e.getDescription()
                        + " at index " + e.getIndex() + ") (ignored); " + CUSTOM_FORMAT
                        + " and a java.util.regex pattern");
            } catch (RuntimeException | StackOverflowError e) {
                // Pattern.compile recurses per nesting level: a pathologically deep regex overflows.
                warn.accept(CUSTOM_KEY + ": rule '" + name + "' has a regex java.util.regex cannot compile ("
                        + e.getClass().getSimpleName() + ") (ignored); " + CUSTOM_FORMAT);
            }
            return null;
        }
    }

    static List<String> splitUnescaped(String s, char separator) {
        return UnescapedSplit.split(s, separator);
    }

    /**
     * {@code [A-Za-z0-9_-]+}: letters, digits, {@code _} and {@code -}. Checked by hand, since
     * compiling a regex when this class is initialised (in premain) costs start-up time; only the
     * user's own rules need {@link Pattern}.
     */
    static boolean isRuleName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!CharClass.isAlnum(c) && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static BuiltinRule lookup(String name) {
        String normalized = name.toUpperCase(Locale.ROOT).replace('-', '_');
        for (BuiltinRule rule : BUILTINS) {
            if (rule.name().equals(normalized)) {
                return rule;
            }
        }
        return null;
    }

    private static String allRuleNames() {
        StringBuilder out = new StringBuilder();
        for (BuiltinRule rule : BUILTINS) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(rule.name());
        }
        return out.toString();
    }
}
