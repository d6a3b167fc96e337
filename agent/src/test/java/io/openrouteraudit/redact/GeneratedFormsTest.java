package io.openrouteraudit.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property tests over generated instances (fixed seeds, so every run checks the same inputs):
 * every generated secret of a rule is replaced by exactly that rule's label, whatever its form,
 * and every generated look-alike survives every rule.
 */
class GeneratedFormsTest {

    private static final int SAMPLES = 3_000;

    private final Redactor redactor = Redactor.create("all", "", line -> { });

    @ParameterizedTest
    @EnumSource(BuiltinRule.class)
    void everyGeneratedSecretBecomesItsLabel(BuiltinRule rule) {
        SecretForms forms = new SecretForms(new Random(rule.ordinal() * 7919L + 1));
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            String secret = forms.of(rule);
            String text = "bitte prüfen: " + secret + ", danke.";
            if (!redactor.redactText(text).equals("bitte prüfen: [" + rule.name() + "], danke.")) {
                missed.add(secret + " -> " + redactor.redactText(text));
            }
        }
        assertTrue(missed.isEmpty(), () -> missed.size() + " missed, e.g. " + missed.subList(0, Math.min(10, missed.size())));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15})
    void everyGeneratedLookAlikeSurvives(int kind) {
        LookAlikeForms lookAlikes = new LookAlikeForms(new Random(kind * 104_729L + 3));
        List<String> eaten = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            String text = "Wert " + lookAlikes.of(kind) + " — ok";
            RedactionResult result = redactor.redact(text);
            if (!result.text().equals(text)) {
                eaten.add(text + " -> " + result.text());
            }
        }
        assertTrue(eaten.isEmpty(), () -> eaten.size() + " changed, e.g. " + eaten.subList(0, Math.min(10, eaten.size())));
    }

    @ParameterizedTest
    @EnumSource(BuiltinRule.class)
    void aSecretWithItsRuleDisabledIsLeftAlone(BuiltinRule rule) {
        String others = String.join(",", java.util.EnumSet.complementOf(java.util.EnumSet.of(rule)).stream()
                .map(Enum::name).toList());
        Redactor without = Redactor.create(others, "", line -> { });
        SecretForms forms = new SecretForms(new Random(rule.ordinal()));
        for (int i = 0; i < 200; i++) {
            String text = "x " + forms.of(rule) + " y";
            assertEquals(List.of(), without.redact(text).counts().keySet().stream()
                    .filter(name -> name.equals(rule.name())).toList(), text);
        }
    }
}
