package io.openrouteraudit.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract the scanner's shortcut rests on ({@link TextMatcher}): no built-in match starts
 * right after an ASCII letter or digit, nor at a non-ASCII character. Checked on each rule's own
 * secrets glued to a word, where a careless matcher would be most tempted to start.
 */
class BuiltinMatchersStartAtTokenStartTest {

    private static final String GLUE = "aZ9";

    @ParameterizedTest
    @EnumSource(BuiltinRule.class)
    void noMatchStartsRightAfterAnAsciiLetterOrDigit(BuiltinRule rule) {
        TextMatcher matcher = rule.newMatcher();
        SecretForms forms = new SecretForms(new Random(rule.ordinal() + 100L));
        for (int i = 0; i < 2_000; i++) {
            String secret = forms.of(rule);
            for (char glue : GLUE.toCharArray()) {
                String text = "see " + glue + secret + " " + glue + "Bearer " + secret;
                for (int start = 1; start < text.length(); start++) {
                    if (CharClass.isAlnum(text.charAt(start - 1))) {
                        assertEquals(-1, matcher.matchEnd(text, start), () -> rule + " started inside a word: " + text);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(BuiltinRule.class)
    void noMatchStartsWithANonAsciiCharacter(BuiltinRule rule) {
        TextMatcher matcher = rule.newMatcher();
        for (char c : "éßЖ東١٣\u00a0\u2003".toCharArray()) {
            assertFalse(matcher.mayStartWith(c), () -> rule + " may start with " + c);
        }
    }
}
