package io.openrouteraudit.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSettingsTest {

    private final List<String> warnings = new ArrayList<>();

    @Test
    void splitKeepsEscapedSeparatorsAndTheirBackslash() {
        assertEquals(List.of("A=a\\;b", "B=c"), RuleSettings.splitUnescaped("A=a\\;b;B=c", ';'));
        assertEquals(List.of("A=a\\\\", "B=c"), RuleSettings.splitUnescaped("A=a\\\\;B=c", ';'));
        assertEquals(List.of("x", ""), RuleSettings.splitUnescaped("x;", ';'));
    }

    @Test
    void builtinNamesAcceptAnyCaseSpacesAndDashes() {
        assertEquals(EnumSet.of(BuiltinRule.API_KEY, BuiltinRule.JWT, BuiltinRule.SSN),
                RuleSettings.builtins(" api-key , jwt,SSN ", warnings::add));
        assertEquals(List.of(), warnings);
    }

    @Test
    void allAndNoneAreKeywords() {
        assertEquals(EnumSet.allOf(BuiltinRule.class), RuleSettings.builtins("ALL", warnings::add));
        assertEquals(EnumSet.noneOf(BuiltinRule.class), RuleSettings.builtins("None", warnings::add));
        assertEquals(List.of(), warnings);
    }

    @Test
    void eachUnknownNameGetsItsOwnWarning() {
        assertEquals(EnumSet.of(BuiltinRule.IP), RuleSettings.builtins("FOO,IP,BAR", warnings::add));
        assertEquals(2, warnings.size());
    }

    @Test
    void customRulesKeepTheirOrderAndNames() {
        List<CustomRegexRule> rules = RuleSettings.custom("B=b; A = a=c", warnings::add);
        assertEquals(List.of("B", "A"), rules.stream().map(CustomRegexRule::name).toList());
        assertEquals(List.of(), warnings);
    }
}
