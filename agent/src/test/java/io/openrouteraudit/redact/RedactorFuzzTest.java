package io.openrouteraudit.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzzing (Jazzer) of the redaction engine as the agent uses it: built from the
 * {@code redact.rules} and {@code redact.custom} settings (whatever the user typed), then run
 * over every text that leaves the agent. Nothing escapes, the three ways of asking for the
 * redacted text or its counts agree, and they agree with {@link ReferenceRedactor}, the rules'
 * semantics without any of the engine's shortcuts.
 *
 * <p>{@code mvn verify} replays the saved corpus in {@code RedactorFuzzTestInputs/<method>}; to fuzz:
 * {@code JAZZER_FUZZ=1 mvn -o test -pl agent -am -Dtest=RedactorFuzzTest#builtinRules
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class RedactorFuzzTest {

    private static final Redactor ALL = Redactor.create("all", null, null);
    private static final ReferenceRedactor ALL_REFERENCE = new ReferenceRedactor("all", null);

    /** Any text through every built-in rule. */
    @FuzzTest(maxDuration = "3m")
    void builtinRules(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        assertConsistent(ALL, ALL_REFERENCE, text);
    }

    /** Any settings, then any text: building never throws, and redaction runs what was built. */
    @FuzzTest(maxDuration = "3m")
    void userSettings(FuzzedDataProvider data) {
        String rules = data.consumeString(64);
        String custom = data.consumeString(200);
        String text = data.consumeRemainingAsString();
        List<String> warnings = new ArrayList<>();
        Redactor redactor = Redactor.create(rules, custom, warnings::add);
        assertNotNull(redactor.ruleNames());
        assertConsistent(redactor, new ReferenceRedactor(rules, custom), text);
    }

    private static void assertConsistent(Redactor redactor, ReferenceRedactor reference, String text) {
        RedactionResult result = redactor.redact(text);
        RedactionResult expected = reference.redact(text);
        assertEquals(expected.text(), result.text(), "differs from the reference");
        assertEquals(List.copyOf(expected.counts().entrySet()), List.copyOf(result.counts().entrySet()),
                "counts differ from the reference");
        assertNotNull(result.text());
        String plain = redactor.redactText(text);
        assertEquals(result.text(), plain, "redact and redactText disagree");
        assertEquals(List.copyOf(result.counts().entrySet()), List.copyOf(redactor.countMatches(text).entrySet()),
                "redact and countMatches disagree");
        if (result.counts().isEmpty()) {
            assertSame(text, plain, "nothing matched, yet the text changed");
        }
        for (int n : result.counts().values()) {
            assertTrue(n > 0, "a rule counted " + n + " matches: " + result.counts());
        }
    }
}
