package io.openrouteraudit.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Configuration, counting, overlap and robustness of the redactor as a whole. */
class RedactorBehaviourTest {

    private final List<String> warnings = new ArrayList<>();

    @Test
    void mixedTextIsRedactedWithCountsInOrderOfFirstMatch() {
        Redactor redactor = Redactor.create("all", "", warnings::add);
        String text = "Mail ann@example.com or bob@example.org, call 555-123-4567, card 4111 1111 1111 1111,"
                + " from 192.168.0.7 with key sk-or-v1-0123456789abcdef0123456789abcdef, SSN 123-45-6789,"
                + " IBAN DE89 3704 0044 0532 0130 00. Order ORD-2024-000123 at 2024-01-15T12:30:45Z cost $1,234.56.";
        RedactionResult result = redactor.redact(text);
        assertEquals("Mail [EMAIL] or [EMAIL], call [PHONE], card [CARD], from [IP] with key [API_KEY], SSN [SSN],"
                + " IBAN [IBAN]. Order ORD-2024-000123 at 2024-01-15T12:30:45Z cost $1,234.56.", result.text());
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("EMAIL", 2);
        expected.put("PHONE", 1);
        expected.put("CARD", 1);
        expected.put("IP", 1);
        expected.put("API_KEY", 1);
        expected.put("SSN", 1);
        expected.put("IBAN", 1);
        assertEquals(List.copyOf(expected.entrySet()), List.copyOf(result.counts().entrySet()));
        assertTrue(warnings.isEmpty());
    }

    @Test
    void countsAreUnmodifiable() {
        RedactionResult result = Redactor.create("all", null, null).redact("x@example.com");
        assertThrows(UnsupportedOperationException.class, () -> result.counts().put("EMAIL", 5));
    }

    @Test
    void textWithoutMatchesComesBackAsTheSameInstanceWithEmptyCounts() {
        String text = "nothing to see here, version 1.2.3";
        RedactionResult result = Redactor.create("all", "", null).redact(text);
        assertSame(text, result.text());
        assertEquals(Map.of(), result.counts());
    }

    @Test
    void nullTextGivesNullTextAndEmptyString() {
        Redactor redactor = Redactor.create("all", "", null);
        assertNull(redactor.redact(null).text());
        assertTrue(redactor.redact(null).counts().isEmpty());
        assertNull(redactor.redactText(null));
        assertEquals("", redactor.redactText(""));
    }

    @Test
    void onlyTheListedRulesRunWhatEverTheirCase() {
        Redactor redactor = Redactor.create("email, Ip", "", warnings::add);
        assertEquals(Set.of("EMAIL", "IP"), redactor.ruleNames());
        assertEquals("[EMAIL] 555-123-4567 [IP] 4111111111111111",
                redactor.redactText("a@example.com 555-123-4567 10.0.0.1 4111111111111111"));
        assertTrue(warnings.isEmpty());
    }

    @Test
    void noneDisablesEveryBuiltInRule() {
        Redactor redactor = Redactor.create("none", "", warnings::add);
        assertTrue(redactor.ruleNames().isEmpty());
        String text = "a@example.com 555-123-4567 sk-or-v1-0123456789abcdef0123456789";
        assertEquals(text, redactor.redactText(text));
        assertTrue(warnings.isEmpty());
    }

    @Test
    void blankOrNullRulesSettingMeansAll() {
        assertEquals(BuiltinRule.values().length, Redactor.create(null, null, null).ruleNames().size());
        assertEquals(BuiltinRule.values().length, Redactor.create("  ", null, null).ruleNames().size());
    }

    @Test
    void unknownRuleNameWarnsOnceNamingItAndTheOthersStillRun() {
        Redactor redactor = Redactor.create("EMAIL,EMIAL,PHONE", "", warnings::add);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("EMIAL"), warnings.get(0));
        assertTrue(warnings.get(0).contains("API_KEY"), "lists what is allowed: " + warnings.get(0));
        assertEquals(Set.of("EMAIL", "PHONE"), redactor.ruleNames());
        assertEquals("[EMAIL] [PHONE]", redactor.redactText("a@example.com 555-123-4567"));
    }

    @Test
    void customRulesReplaceWithTheirOwnName() {
        Redactor redactor = Redactor.create("all", "EMPLOYEE-ID=EMP-\\d{6};PROJECT=(?i)project\\s+falcon", warnings::add);
        RedactionResult result = redactor.redact("EMP-123456 works on Project  Falcon with a@example.com and EMP-654321");
        assertEquals("[EMPLOYEE-ID] works on [PROJECT] with [EMAIL] and [EMPLOYEE-ID]", result.text());
        assertEquals(Map.of("EMPLOYEE-ID", 2, "PROJECT", 1, "EMAIL", 1), result.counts());
        assertTrue(redactor.ruleNames().containsAll(Set.of("EMPLOYEE-ID", "PROJECT", "EMAIL")));
        assertTrue(warnings.isEmpty());
    }

    @Test
    void badCustomRegexWarnsNamingTheRuleAndTheOtherRulesStillRun() {
        Redactor redactor = Redactor.create("all", "BROKEN=(unclosed;TICKET=TCK-\\d+", warnings::add);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("BROKEN"), warnings.get(0));
        assertTrue(warnings.get(0).contains("NAME=regex"), "says what is allowed: " + warnings.get(0));
        assertEquals("[TICKET] by [EMAIL]", redactor.redactText("TCK-42 by a@example.com"));
    }

    @Test
    void customEntriesWithoutNameOrRegexWarnAndAreSkipped() {
        Redactor redactor = Redactor.create("none", "=abc;no-equals-sign;EMPTY=;OK=ok+;", warnings::add);
        assertEquals(3, warnings.size(), warnings.toString());
        assertEquals(Set.of("OK"), redactor.ruleNames());
        assertEquals("[OK] [OK]", redactor.redactText("ok okkk"));
    }

    @Test
    void regexTooDeepToCompileWarnsInsteadOfThrowing() {
        Redactor redactor = Redactor.create("EMAIL", "DEEP=" + "(".repeat(100_000) + "a" + ")".repeat(100_000), warnings::add);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("DEEP"), warnings.get(0));
        assertEquals("[EMAIL]", redactor.redactText("a@example.com"));
    }

    @Test
    void warningsNeverQuoteTheCustomRegexItself() {
        Redactor.create("all", "LEAK=sk-secret-value(", warnings::add);
        assertEquals(1, warnings.size());
        assertTrue(!warnings.get(0).contains("sk-secret-value"), warnings.get(0));
    }

    @Test
    void escapedSemicolonStaysInsideTheRegex() {
        Redactor redactor = Redactor.create("none", "PAIR=a\\;b;OTHER=zz", warnings::add);
        assertEquals("[PAIR] [OTHER]", redactor.redactText("a;b zz"));
        assertTrue(warnings.isEmpty());
    }

    @Test
    void customRuleWinsATieWithABuiltInRule() {
        Redactor redactor = Redactor.create("all", "CORP-MAIL=[a-z]+@corp\\.example\\.com", warnings::add);
        assertEquals("[CORP-MAIL] and [EMAIL]", redactor.redactText("ann@corp.example.com and bob@other.example.com"));
    }

    @Test
    void earliestMatchWinsThenTheLongest() {
        // The custom rule starts earlier than the e-mail address, so it wins though it is shorter.
        Redactor earlier = Redactor.create("all", "GREETING=hi ann", warnings::add);
        assertEquals("[GREETING]@example.com", earlier.redactText("hi ann@example.com"));
        // Same start: the longer e-mail match beats the shorter custom match.
        Redactor longer = Redactor.create("all", "NAME=ann", warnings::add);
        assertEquals("[EMAIL] and [NAME]", longer.redactText("ann@example.com and ann"));
    }

    @Test
    void customRegexMayUseLookbehindAndAnchorsAgainstTheWholeText() {
        Redactor redactor = Redactor.create("none", "AFTER-ID=(?<=id=)\\w+;FIRST=^start", warnings::add);
        assertEquals("[FIRST] id=[AFTER-ID] start", redactor.redactText("start id=abc123 start"));
    }

    @Test
    void emptyMatchesOfACustomRegexReplaceNothing() {
        Redactor redactor = Redactor.create("none", "DIGITS=\\d*", warnings::add);
        assertEquals("a[DIGITS]b[DIGITS]", redactor.redactText("a12b3"));
    }

    @Test
    void catastrophicCustomRegexGivesUpWithOneWarningInsteadOfHanging() {
        Redactor redactor = Redactor.create("EMAIL", "SLOW=(a+)+$", warnings::add);
        String text = "a".repeat(5_000) + "! contact me@example.com";
        // The cut-off counts characters read, not time: reaching this line at all is the point.
        String result = redactor.redactText(text);
        assertTrue(result.endsWith("contact [EMAIL]"), "built-in rules still ran");
        redactor.redactText(text);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("SLOW"));
    }

    @Test
    void throwingWarningSinkDoesNotBreakCreation() {
        Redactor redactor = Redactor.create("EMIAL,EMAIL", "X=(", line -> {
            throw new IllegalStateException("sink down");
        });
        assertEquals("[EMAIL]", redactor.redactText("a@example.com"));
    }

    @Test
    void runsOfLookAlikeCharactersComeBackUnchanged() {
        // How fast these go is measured by RedactorPathologicalBenchmark (benchmarks module), never here.
        Redactor redactor = Redactor.create("all", "", null);
        String[] inputs = {"a.".repeat(20_000), "1".repeat(40_000), "a".repeat(40_000) + "@", ":".repeat(40_000),
            "eyJ.".repeat(10_000), "Bearer ".repeat(5_000)};
        for (String input : inputs) {
            assertEquals(input, redactor.redactText(input), input.substring(0, 8));
        }
    }

    @Test
    void oneRedactorServesManyThreadsConsistently() throws Exception {
        Redactor redactor = Redactor.create("all", "TICKET=TCK-\\d+", null);
        String text = "TCK-1 a@example.com 10.0.0.1 TCK-22 4111111111111111 ";
        String expected = "[TICKET] [EMAIL] [IP] [TICKET] [CARD] ";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        if (!redactor.redactText(text.repeat(3)).equals(expected.repeat(3))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
