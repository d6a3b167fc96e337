package io.openrouteraudit.redact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The redaction semantics written as plainly as possible, to check {@link Redactor}'s
 * shortcuts against: at every position, ask every rule; the longest match wins, on a tie the
 * earlier rule (user rules first, then built-in ones in {@link BuiltinRule} order); the scan
 * resumes after the replaced span. Built-in rules are asked only where a token starts (the
 * {@link TextMatcher} contract, checked on its own by {@code BuiltinMatchersStartAtTokenStartTest}).
 * No start tables, no pre-scan, no skipping: slow, and obviously what the documentation says.
 */
final class ReferenceRedactor {

    private final List<CustomRegexRule> custom;
    private final List<BuiltinRule> builtins;
    private final List<TextMatcher> matchers = new ArrayList<>();

    ReferenceRedactor(String rulesSetting, String customSetting) {
        this.custom = RuleSettings.custom(customSetting, line -> { });
        Set<BuiltinRule> enabled = RuleSettings.builtins(rulesSetting, line -> { });
        this.builtins = new ArrayList<>(enabled);
        for (BuiltinRule rule : builtins) {
            matchers.add(rule.newMatcher());
        }
    }

    RedactionResult redact(String text) {
        if (text == null || text.isEmpty()) {
            return new RedactionResult(text, Map.of());
        }
        List<RedactionRule.PositionMatcher> cursors = new ArrayList<>();
        for (CustomRegexRule rule : custom) {
            cursors.add(rule.bind(text));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder();
        int pos = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            int bestEnd = pos;
            String bestName = null;
            for (int r = 0; r < custom.size(); r++) {
                int end = cursors.get(r).matchEnd(pos);
                if (end > bestEnd) {
                    bestEnd = end;
                    bestName = custom.get(r).name();
                }
            }
            boolean tokenStart = c < 128 && (pos == 0 || !CharClass.isAlnum(text.charAt(pos - 1)));
            for (int r = 0; tokenStart && r < builtins.size(); r++) {
                int end = matchers.get(r).mayStartWith(c) ? matchers.get(r).matchEnd(text, pos) : -1;
                if (end > bestEnd) {
                    bestEnd = end;
                    bestName = builtins.get(r).name();
                }
            }
            if (bestName == null) {
                out.append(c);
                pos++;
            } else {
                out.append('[').append(bestName).append(']');
                counts.merge(bestName, 1, Integer::sum);
                pos = bestEnd;
            }
        }
        return new RedactionResult(counts.isEmpty() ? text : out.toString(), counts);
    }
}
