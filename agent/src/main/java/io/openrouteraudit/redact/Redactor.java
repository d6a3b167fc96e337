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
 * <p>The pass reads the text in place and only records where matches are ({@link Replacements});
 * the redacted text is then written once at its exact length, so a clean text costs no
 * allocation and a dirty one little more than its result. Rules are skipped where they cannot
 * match: the e-mail rule away from any {@code '@'} (found with {@link String#indexOf(int)}, not
 * by reading ahead from every word), the others after a few character reads of their own.
 *
 * <p>Immutable and thread-safe: per-call state lives in the scan's locals.
 */
public final class Redactor {

    private static final int ASCII = 128;
    private static final int[] NO_RULES = new int[0];
    private static final char LATIN1_MAX = 0xFF;
    private static final int EMAIL = BuiltinRule.EMAIL.ordinal();

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
        Replacements found = find(text);
        if (found == null) {
            return new RedactionResult(text, Map.of());
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        found.countInto(counts, rules);
        return new RedactionResult(found.apply(text, rules), counts);
    }

    /**
     * Only the redacted text; null for null. Counts nothing, and when nothing matched returns the
     * very instance it was given (having allocated nothing), so a caller can tell a clean text
     * without comparing it.
     */
    public String redactText(String text) {
        Replacements found = find(text);
        return found == null ? text : found.apply(text, rules);
    }

    /**
     * Only the counts of {@link #redact}, in the same order, without building the redacted text:
     * for a caller that records how much personal data a text held but not the text.
     */
    public Map<String, Integer> countMatches(String text) {
        Replacements found = find(text);
        if (found == null) {
            return Map.of();
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        found.countInto(counts, rules);
        return Collections.unmodifiableMap(counts);
    }

    /**
     * The one pass: every match, in text order, or null when there is none. Reads the text in
     * place, so a clean text costs no allocation.
     */
    private Replacements find(String text) {
        if (text == null || text.isEmpty() || rules.length == 0) {
            return null;
        }
        int length = text.length();
        // User rules are bound to the text on first use: most texts never reach most rules.
        RedactionRule.PositionMatcher[] matchers = null;
        Replacements found = null; // allocated at the first match: a clean text costs no allocation
        boolean latin1 = true; // every character kept so far fits in one byte
        int nextAtSign = -1; // the first '@' at or after the position it was last looked up for
        int pos = 0;
        boolean afterAlnum = false;
        while (pos < length) {
            char c = text.charAt(pos);
            int[] candidates = c >= ASCII ? rulesForNonAscii
                    : afterAlnum ? rulesByAsciiStartInsideToken[c] : rulesByAsciiStart[c];
            int bestEnd = pos;
            int bestRule = -1;
            for (int r : candidates) {
                if (c >= ASCII && !rules[r].mayStartWith(c)) {
                    continue;
                }
                int end;
                int builtin = builtinOrdinals[r];
                if (builtin == EMAIL) {
                    // An address has its '@' within the local part's 64 characters: one indexOf
                    // per '@' instead of reading ahead from every word of the text.
                    if (nextAtSign < pos) {
                        nextAtSign = text.indexOf('@', pos);
                        nextAtSign = nextAtSign < 0 ? Integer.MAX_VALUE : nextAtSign;
                    }
                    end = nextAtSign - pos <= EmailMatcher.MAX_LOCAL ? builtinMatchers.matchEnd(builtin, text, pos) : -1;
                } else if (builtin >= 0) {
                    end = builtinMatchers.matchEnd(builtin, text, pos);
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
                latin1 &= c <= LATIN1_MAX;
                afterAlnum = CharClass.isAlnum(c);
                pos++;
                if (afterAlnum && builtinOnly) {
                    // The rest of this word: no built-in rule starts inside it.
                    while (pos < length && CharClass.isAlnum(text.charAt(pos))) {
                        pos++;
                    }
                }
                continue;
            }
            if (found == null) {
                found = new Replacements(length);
            }
            found.add(pos, bestEnd, bestRule);
            afterAlnum = CharClass.isAlnum(text.charAt(bestEnd - 1)); // the matchers see the original text
            pos = bestEnd;
        }
        if (found != null) {
            found.keptOnlyLatin1(latin1);
        }
        return found;
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
