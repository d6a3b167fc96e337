package io.openrouteraudit.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The user-rule name is checked by hand; it must accept exactly what {@code [A-Za-z0-9_-]+} did. */
class RuleNameShapeTest {

    @Test
    void ruleNameAgreesWithTheRegexItReplaced() {
        Pattern regex = Pattern.compile("[A-Za-z0-9_-]+");
        StringBuilder alphabet = new StringBuilder();
        for (char c = 0; c < 0x250; c++) {
            alphabet.append(c);
        }
        alphabet.append("\u212a\u0660\ud83d");
        String chars = alphabet.toString();
        assertEquals(false, RuleSettings.isRuleName(""));
        for (int i = 0; i < chars.length(); i++) {
            for (int j = 0; j < chars.length(); j += 7) {
                String s = "" + chars.charAt(i) + chars.charAt(j);
                assertEquals(regex.matcher(s).matches(), RuleSettings.isRuleName(s), s);
                String one = String.valueOf(chars.charAt(i));
                assertEquals(regex.matcher(one).matches(), RuleSettings.isRuleName(one), one);
            }
        }
    }
}
