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
 * those are tried, each anchored at the position. Inside a word (after an ASCII letter or digit)
 * and at non-ASCII characters no built-in rule can start, so there only user rules are asked.
 * Of the matches found at the earliest position the longest wins; on equal length user rules
 * win over built-in ones (a user rule is the more specific statement of intent), and built-in
 * rules follow {@link BuiltinRule}'s order. The scan resumes after the replaced span, so matches
 * never overlap.
 *
 * <p>Immutable and thread-safe: per-call state lives in the scan's locals.
 */
public final class Redactor {

    private static final int ASCII = 128;
    private static final int[] NO_RULES = new int[0];

    private final RedactionRule[] rules;
    /** Per rule, its {@link BuiltinRule#ordinal()}, or -1 for a user rule. */
    private final int[] builtinOrdinals;
    private final BuiltinMatchers builtinMatchers = new BuiltinMatchers();
    /** Per ASCII character, the rules that may start with it where a token starts. */
    private final int[][] rulesByAsciiStart;
    /** Per ASCII character, the rules that may start with it inside a token (user rules only). */
    private final int[][] rulesByAsciiStartInsideToken;
    /** The rules that may start at a non-ASCII character (user rules only). */
    private final int[] rulesForNonAscii;
    /** No user rules: nothing can start inside a word, so the scan may jump over words. */
    private final boolean builtinOnly;
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
        this.builtinOrdinals = new int[rules.length];
        for (int r = 0; r < rules.length; r++) {
            builtinOrdinals[r] = rules[r] instanceof BuiltinRedactionRule b ? b.rule().ordinal() : -1;
        }
        this.rulesByAsciiStart = startTable(rules, false);
        this.rulesByAsciiStartInsideToken = startTable(rules, true);
        this.rulesForNonAscii = anywhereRules(rules);
        this.builtinOnly = custom.isEmpty();
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
        Map<String, Integer> counts = new LinkedHashMap<>();
        return new RedactionResult(scan(text, counts, null), counts);
    }

    /**
     * Only the redacted text; null for null. Counts nothing, and when nothing matched returns the
     * very instance it was given, so a caller can tell a clean text without comparing it.
     */
    public String redactText(String text) {
        if (text == null || text.isEmpty() || rules.length == 0) {
            return text;
        }
        return scan(text, null, null);
    }

    /**
     * As {@link #redactText(String)}, reading the text through {@code scratch} when it is long
     * enough instead of a fresh copy: for a caller that redacts many texts in a row on one
     * thread (the {@code redact} command, line after line), which then allocates nothing per
     * clean text. {@code scratch} is overwritten; null or too short means a fresh copy.
     */
    public String redactText(String text, char[] scratch) {
        if (text == null || text.isEmpty() || rules.length == 0) {
            return text;
        }
        return scan(text, null, scratch);
    }

    /** The one pass; {@code counts}, when given, receives the number of matches per rule. */
    private String scan(String text, Map<String, Integer> counts, char[] scratch) {
        // The scan reads a copy: array reads let the JIT drop most of the bounds checks that
        // String.charAt repeats per call, and this loop visits every character.
        int length = text.length();
        char[] chars = scratch != null && scratch.length >= length ? scratch : new char[length];
        text.getChars(0, length, chars, 0);
        // User rules are bound to the text on first use: most texts never reach most rules.
        RedactionRule.PositionMatcher[] matchers = null;
        char[] out = null; // the redacted text so far, in a plain array: no per-char appends
        int written = 0;
        int copiedUpTo = 0;
        int pos = 0;
        boolean afterAlnum = false;
        while (pos < length) {
            char c = chars[pos];
            int[] candidates = c >= ASCII ? rulesForNonAscii
                    : afterAlnum ? rulesByAsciiStartInsideToken[c] : rulesByAsciiStart[c];
            int bestEnd = pos;
            int bestRule = -1;
            for (int r : candidates) {
                if (c >= ASCII && !rules[r].mayStartWith(c)) {
                    continue;
                }
                int end;
                if (builtinOrdinals[r] >= 0) {
                    end = builtinMatchers.matchEnd(builtinOrdinals[r], text, pos);
                } else {
                    if (matchers == null) {
                        matchers = new RedactionRule.PositionMatcher[rules.length];
                    }
                    if (matchers[r] == null) {
                        matchers[r] = rules[r].bind(text);
                    }
                    end = matchers[r].matchEnd(pos);
                }
                if (end > bestEnd) { // strictly longer: on a tie the earlier (higher-priority) rule stays
                    bestEnd = end;
                    bestRule = r;
                }
            }
            if (bestRule < 0) {
                afterAlnum = CharClass.isAlnum(c);
                pos++;
                if (afterAlnum && builtinOnly) {
                    // The rest of this word: no built-in rule starts inside it.
                    while (pos < length && CharClass.isAlnum(chars[pos])) {
                        pos++;
                    }
                }
                continue;
            }
            String name = rules[bestRule].name();
            int needed = written + (pos - copiedUpTo) + name.length() + 2 + (length - bestEnd);
            if (out == null || needed > out.length) {
                out = Arrays.copyOf(out == null ? new char[0] : out, Math.max(needed, Math.max(length + 64, out == null ? 0 : out.length * 2)));
            }
            System.arraycopy(chars, copiedUpTo, out, written, pos - copiedUpTo);
            written += pos - copiedUpTo;
            out[written++] = '[';
            name.getChars(0, name.length(), out, written);
            written += name.length();
            out[written++] = ']';
            if (counts != null) {
                counts.merge(name, 1, Integer::sum);
            }
            afterAlnum = CharClass.isAlnum(chars[bestEnd - 1]); // the matchers see the original text
            pos = bestEnd;
            copiedUpTo = bestEnd;
        }
        if (out == null) {
            return text;
        }
        System.arraycopy(chars, copiedUpTo, out, written, length - copiedUpTo);
        return new String(out, 0, written + length - copiedUpTo);
    }

    /** Enabled rule names: built-in ones in {@link BuiltinRule} order, then user rules as written. */
    public Set<String> ruleNames() {
        return ruleNames;
    }

    /**
     * For each ASCII character, the indexes (in priority order) of the rules that may start with
     * it; {@code insideToken}: only those that may also start right after a letter or digit.
     */
    private static int[][] startTable(RedactionRule[] rules, boolean insideToken) {
        int[][] table = new int[ASCII][];
        int[] buffer = new int[rules.length];
        for (char c = 0; c < ASCII; c++) {
            int n = 0;
            for (int r = 0; r < rules.length; r++) {
                if (rules[r].mayStartWith(c) && !(insideToken && rules[r].startsOnlyAtTokenStart())) {
                    buffer[n++] = r;
                }
            }
            table[c] = n == 0 ? NO_RULES : Arrays.copyOf(buffer, n);
        }
        return table;
    }

    /** The rules that may start anywhere, in priority order. */
    private static int[] anywhereRules(RedactionRule[] rules) {
        int[] buffer = new int[rules.length];
        int n = 0;
        for (int r = 0; r < rules.length; r++) {
            if (!rules[r].startsOnlyAtTokenStart()) {
                buffer[n++] = r;
            }
        }
        return n == 0 ? NO_RULES : Arrays.copyOf(buffer, n);
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
