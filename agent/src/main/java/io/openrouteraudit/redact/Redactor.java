package io.openrouteraudit.redact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Replaces personal data and secrets in text with {@code [RULE]} labels.
 *
 * <p>Runs on every audited call, so it makes one left-to-right pass: at each position a table
 * built once in {@link #create} names the rules that could start with that character, and only
 * those are tried, each anchored at the position. Of the matches found at the earliest position
 * the longest wins; on equal length user rules win over built-in ones (a user rule is the more
 * specific statement of intent), and built-in rules follow {@link BuiltinRule}'s order. The
 * scan resumes after the replaced span, so matches never overlap.
 *
 * <p>Immutable and thread-safe: per-call state lives in {@link #redact}'s locals.
 */
public final class Redactor {

    private static final int ASCII = 128;
    private static final int[] NO_RULES = new int[0];

    private final RedactionRule[] rules;
    private final int[][] rulesByAsciiStart;
    private final Set<String> ruleNames;

    private Redactor(List<CustomRegexRule> custom, Set<BuiltinRule> builtins) {
        List<RedactionRule> ordered = new ArrayList<>(custom);
        Set<String> names = new LinkedHashSet<>();
        for (BuiltinRule rule : builtins) {
            ordered.add(BuiltinRedactionRule.of(rule));
            names.add(rule.name());
        }
        for (CustomRegexRule rule : custom) {
            names.add(rule.name());
        }
        this.rules = ordered.toArray(new RedactionRule[0]);
        this.rulesByAsciiStart = startTable(rules);
        this.ruleNames = Collections.unmodifiableSet(names);
    }

    /**
     * @param rulesSetting  {@code all}, {@code none} or a comma list of {@link BuiltinRule} names (any case);
     *                      null or blank means {@code all}
     * @param customSetting {@code NAME=regex;NAME2=regex2}, may be null or empty
     * @param warn          receives one line per bad entry; may be null
     * @return a redactor running every rule that parsed; never throws
     */
    public static Redactor create(String rulesSetting, String customSetting, Consumer<String> warn) {
        Consumer<String> safeWarn = neverThrowing(warn);
        return new Redactor(RuleSettings.custom(customSetting, safeWarn), RuleSettings.builtins(rulesSetting, safeWarn));
    }

    /** The redacted text and per-rule counts; a null text gives a result with null text. */
    public RedactionResult redact(String text) {
        if (text == null || text.isEmpty() || rules.length == 0) {
            return new RedactionResult(text, Map.of());
        }
        RedactionRule.PositionMatcher[] matchers = new RedactionRule.PositionMatcher[rules.length];
        for (int r = 0; r < rules.length; r++) {
            matchers[r] = rules[r].bind(text);
        }
        StringBuilder out = null;
        Map<String, Integer> counts = null;
        int copiedUpTo = 0;
        int pos = 0;
        int length = text.length();
        while (pos < length) {
            char c = text.charAt(pos);
            int bestEnd = pos;
            int bestRule = -1;
            int[] candidates = c < ASCII ? rulesByAsciiStart[c] : null;
            int count = candidates != null ? candidates.length : rules.length;
            for (int k = 0; k < count; k++) {
                int r = candidates != null ? candidates[k] : k;
                if (candidates == null && !rules[r].mayStartWith(c)) {
                    continue;
                }
                int end = matchers[r].matchEnd(pos);
                if (end > bestEnd) { // strictly longer: on a tie the earlier (higher-priority) rule stays
                    bestEnd = end;
                    bestRule = r;
                }
            }
            if (bestRule < 0) {
                pos++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(length);
                counts = new LinkedHashMap<>();
            }
            String name = rules[bestRule].name();
            out.append(text, copiedUpTo, pos).append('[').append(name).append(']');
            counts.merge(name, 1, Integer::sum);
            pos = bestEnd;
            copiedUpTo = bestEnd;
        }
        if (out == null) {
            return new RedactionResult(text, Map.of());
        }
        out.append(text, copiedUpTo, length);
        return new RedactionResult(out.toString(), counts);
    }

    /** Only the redacted text; null for null. */
    public String redactText(String text) {
        return redact(text).text();
    }

    /** Enabled rule names: built-in ones in {@link BuiltinRule} order, then user rules as written. */
    public Set<String> ruleNames() {
        return ruleNames;
    }

    /** For each ASCII character, the indexes (in priority order) of the rules that may start with it. */
    private static int[][] startTable(RedactionRule[] rules) {
        int[][] table = new int[ASCII][];
        int[] buffer = new int[rules.length];
        for (char c = 0; c < ASCII; c++) {
            int n = 0;
            for (int r = 0; r < rules.length; r++) {
                if (rules[r].mayStartWith(c)) {
                    buffer[n++] = r;
                }
            }
            table[c] = n == 0 ? NO_RULES : Arrays.copyOf(buffer, n);
        }
        return table;
    }

    /** A warning sink must not be able to break configuration: its exceptions are dropped. */
    private static Consumer<String> neverThrowing(Consumer<String> warn) {
        return new NeverThrowingWarn(warn);
    }

    /**
     * Passes lines to a sink, if any, dropping its exceptions. A named class rather than a lambda:
     * {@link #create} runs in premain, where each lambda's first use spins a class at start-up.
     */
    private static final class NeverThrowingWarn implements Consumer<String> {
        private final Consumer<String> warn;

        NeverThrowingWarn(Consumer<String> warn) {
            this.warn = warn;
        }

        @Override
        public void accept(String line) {
            if (warn == null) {
                return;
            }
            try {
                warn.accept(line);
            } catch (RuntimeException ignored) {
                // A failing log sink loses a line; it must not disable redaction.
            }
        }
    }
}
