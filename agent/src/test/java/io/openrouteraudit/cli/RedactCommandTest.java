package io.openrouteraudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openrouteraudit.redact.Redactor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code redact}: stdin to stdout through exactly the agent's engine and configuration. */
class RedactCommandTest {

    private static final String CARD = "4111 1111 1111 1111";

    @TempDir
    Path tmp;

    private static CliRun redact(String stdin, String... args) {
        return redact(stdin, new Properties(), Map.of(), args);
    }

    private static CliRun redact(String stdin, Properties props, Map<String, String> env, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "redact";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.withInput(stdin.getBytes(StandardCharsets.UTF_8), props, env, all);
    }

    private static Properties props(String key, String value) {
        Properties p = new Properties();
        p.setProperty(key, value);
        return p;
    }

    private static void assertOneCleanErrorLine(CliRun run) {
        assertEquals(1, run.errLines().size(), () -> "stderr: " + run.err());
        assertTrue(run.err().startsWith("openrouter-audit: redact: "), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace");
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void eachLineIsRedactedAndEveryLineEndIsKept() {
        CliRun run = redact("mail bob@example.com\r\nnothing here\n\ncard " + CARD + "\nlast 10.0.0.1");
        assertEquals(0, run.exit(), run.err());
        assertEquals("mail [EMAIL]\r\nnothing here\n\ncard [CARD]\nlast [IP]", run.out());
        assertEquals("", run.err());
    }

    @Test
    void emptyInputGivesEmptyOutput() {
        CliRun run = redact("");
        assertEquals(0, run.exit());
        assertEquals("", run.out());
        assertEquals("", run.err());
    }

    @Test
    void textWithoutMatchesIsCopiedByteForByteIncludingNonAscii() {
        String text = "Grüße aus Köln 🎉, заказ ORD-2024-000123, v2.10.4, 550e8400-e29b-41d4-a716-446655440000\n"
                + "東京 1766107352 $1,234.56\n";
        CliRun run = redact(text);
        assertEquals(text, run.out());
    }

    @Test
    void aCleanLineThatIsNotValidUtf8ComesOutByteForByte() {
        byte[] in = {'o', 'k', (byte) 0xff, (byte) 0xc3, '\n', 'b', 'o', 'b', '@', 'x', '.', 'i', 'o', '\n'};
        CliRun run = CliRun.withInput(in, new Properties(), Map.of(), "redact");
        assertEquals("ok\ufffd\ufffd\n[EMAIL]\n", run.out(), "the invalid bytes pass through as they were");
        assertEquals(0, run.exit());
    }

    @Test
    void nonAsciiTextAroundAMatchSurvives() {
        assertEquals("Müller schreibt an [EMAIL] — 東京\n", redact("Müller schreibt an anna@example.de — 東京\n").out());
    }

    @Test
    void everyLineOfALargeInputMatchesTheEngineOnItsOwn() {
        Redactor engine = Redactor.create("all", "", line -> { });
        StringBuilder in = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 40_000; i++) {
            // Lines of varying length so that line ends fall on every offset of the read chunks.
            String line = "line " + i + " user" + i + "@example.com " + "x".repeat(i % 97) + " " + CARD;
            in.append(line).append('\n');
            expected.append(engine.redactText(line)).append('\n');
        }
        CliRun run = redact(in.toString());
        assertEquals(0, run.exit());
        assertEquals(expected.toString(), run.out());
    }

    @Test
    void aLineLongerThanOneReadChunkIsRedactedWhole() {
        String padding = "word ".repeat(30_000);
        CliRun run = redact(padding + "bob@example.com " + padding + "\n");
        assertEquals(padding + "[EMAIL] " + padding + "\n", run.out());
    }

    @Test
    void rulesComeFromTheAgentsSystemProperties() {
        CliRun run = redact("bob@example.com " + CARD + "\n", props("openrouter.audit.redact.rules", "CARD"), Map.of());
        assertEquals("bob@example.com [CARD]\n", run.out());
    }

    @Test
    void customRulesComeFromTheAgentsEnvironment() {
        CliRun run = redact("see TCK-123456 now\n", new Properties(),
                Map.of("OPENROUTER_AUDIT_REDACT_CUSTOM", "TICKET=TCK-[0-9]{6}"));
        assertEquals("see [TICKET] now\n", run.out());
    }

    @Test
    void rulesComeFromTheAgentsConfigFile() throws IOException {
        Path file = tmp.resolve("audit.properties");
        Files.writeString(file, "redact.rules=EMAIL\nredact.custom=ORDER=ORD-\\\\d+\n");
        CliRun run = redact("ORD-77 bob@example.com " + CARD + "\n",
                props("openrouter.audit.config", file.toString()), Map.of());
        assertEquals("[ORDER] [EMAIL] " + CARD + "\n", run.out(), run.err());
    }

    @Test
    void aSystemPropertyWinsOverTheEnvironmentAsInTheAgent() {
        CliRun run = redact("bob@example.com 10.0.0.1\n", props("openrouter.audit.redact.rules", "IP"),
                Map.of("OPENROUTER_AUDIT_REDACT_RULES", "EMAIL"));
        assertEquals("bob@example.com [IP]\n", run.out());
    }

    @Test
    void optionsReplaceTheConfiguredRules() {
        CliRun run = redact("bob@example.com 10.0.0.1 TCK-123456\n", props("openrouter.audit.redact.rules", "IP"),
                Map.of(), "--rules", "email", "--custom", "TICKET=TCK-[0-9]{6}");
        assertEquals("[EMAIL] 10.0.0.1 [TICKET]\n", run.out());
    }

    @Test
    void rulesNoneCopiesTheInput() {
        assertEquals("bob@example.com\n", redact("bob@example.com\n", "--rules", "none").out());
    }

    @Test
    void anUnknownRuleInTheOptionIsOneLineAndExit2() {
        CliRun run = redact("bob@example.com\n", "--rules", "EMAIL,PASSPORT");
        assertEquals(2, run.exit());
        assertOneCleanErrorLine(run);
        assertTrue(run.err().contains("--rules") && run.err().contains("PASSPORT"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void aBadRegexInTheOptionIsOneLineNamingTheRuleAndExit2() {
        CliRun run = redact("x\n", "--custom", "BROKEN=([a-z");
        assertEquals(2, run.exit());
        assertOneCleanErrorLine(run);
        assertTrue(run.err().contains("--custom") && run.err().contains("BROKEN"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void aBadRegexInTheConfigurationWarnsOnceAndTheOtherRulesStillRunAsInTheAgent() {
        CliRun run = redact("bob@example.com TCK-123456\n",
                props("openrouter.audit.redact.custom", "BROKEN=([a-z;TICKET=TCK-[0-9]{6}"), Map.of());
        assertEquals(0, run.exit());
        assertEquals("[EMAIL] [TICKET]\n", run.out());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("BROKEN"), run.err());
    }

    @Test
    void aUserRegexThatGivesUpOnALongLineSaysSoOnceAndTheCopyGoesOn() {
        String line = "a".repeat(30_000) + "!";
        CliRun run = redact(line + "\n" + line + "\nbob@example.com\n", "--custom", "SLOW=(a|aa)+$");
        assertEquals(0, run.exit());
        assertEquals(line + "\n" + line + "\n[EMAIL]\n", run.out());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("SLOW") && run.err().contains("gave up"), run.err());
    }

    @Test
    void configurationWarningsAreRedactedLikeTheAgentsLogLines() {
        CliRun run = redact("x\n", props("openrouter.audit.log.level", "bob@example.com"), Map.of());
        assertEquals(0, run.exit());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("[EMAIL]") && !run.err().contains("bob@example.com"), run.err());
    }

    @Test
    void anUnknownArgumentIsOneLineAndExit2() {
        CliRun run = redact("x\n", "--dir", "/tmp");
        assertEquals(2, run.exit());
        assertOneCleanErrorLine(run);
        assertTrue(run.err().contains("--dir"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void anOptionWithoutItsValueIsOneLineAndExit2() {
        CliRun run = redact("x\n", "--custom");
        assertEquals(2, run.exit());
        assertOneCleanErrorLine(run);
    }

    @Test
    void helpDescribesTheCommandAndReadsNothing() {
        CliRun run = redact("bob@example.com\n", "--help");
        assertEquals(0, run.exit());
        assertTrue(run.out().startsWith("usage: redact"), run.out());
        assertFalse(run.out().contains("bob@example.com"), run.out());
        assertTrue(CliRun.of("--help").out().contains("redact"), "listed in the overview");
    }

    @Test
    void aClosedStdoutStopsTheCopyWithOneLineAndExit1() {
        OutputStream closed = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        List<String> errLines = new ArrayList<>();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int exit;
        try (PrintStream out = new PrintStream(closed, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = new AuditCli(new ByteArrayInputStream("a\nb\n".getBytes(StandardCharsets.UTF_8)), out, e,
                    new Properties(), Map.of()).execute(List.of("redact"));
        }
        errLines.addAll(List.of(err.toString(StandardCharsets.UTF_8).split("\\R")));
        assertEquals(1, exit);
        assertEquals(1, errLines.size(), errLines::toString);
        assertTrue(errLines.get(0).contains("stdout"), errLines.get(0));
    }
}
