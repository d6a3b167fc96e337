package io.openrouteraudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad arguments and missing journals: one clear line on stderr, a non-zero exit, no stack trace. */
class AuditCliUsageTest {

    @TempDir
    Path tmp;

    private static void assertOneCleanErrorLine(CliRun run) {
        assertEquals(1, run.errLines().size(), () -> "stderr: " + run.err());
        String line = run.errLines().get(0);
        assertTrue(line.startsWith("openrouter-audit: "), line);
        assertFalse(run.err().contains("\tat "), "no stack trace");
        assertFalse(run.err().contains("Exception"), line);
    }

    @Test
    void noArgumentsPrintsUsageOnStderrAndExits2() {
        CliRun run = CliRun.of();
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("usage:"), run.err());
        assertTrue(run.err().contains("export") && run.err().contains("verify") && run.err().contains("version"),
                run.err());
        assertEquals("", run.out());
    }

    @Test
    void helpPrintsUsageOnStdoutAndExits0() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.exit());
        assertTrue(run.out().contains("usage:"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void unknownCommandIsOneLineAndExit2() {
        CliRun run = CliRun.of("exprot", "--dir", tmp.toString());
        assertEquals(2, run.exit());
        assertOneCleanErrorLine(run);
        assertTrue(run.err().contains("exprot"), run.err());
        assertEquals("", run.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"export", "verify", "version"})
    void eachCommandsHelpExits0(String command) {
        CliRun run = CliRun.of(command, "--help");
        assertEquals(0, run.exit());
        assertTrue(run.out().startsWith("usage: " + command), run.out());
        assertEquals("", run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"export", "verify"})
    void helpWinsOverOtherArguments(String command) {
        CliRun run = CliRun.of(command, "--dir", "/nonexistent", "-h");
        assertEquals(0, run.exit());
        assertTrue(run.out().startsWith("usage: " + command), run.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"export", "verify"})
    void journalCommandsWithoutDirAreOneLineAndExit2(String command) {
        CliRun run = CliRun.of(command);
        assertEquals(2, run.exit());
        assertOneCleanErrorLine(run);
        assertTrue(run.err().contains("--dir"), run.err());
        assertEquals("", run.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"export", "verify"})
    void dirWithoutItsValueIsOneLineAndExit2(String command) {
        CliRun run = CliRun.of(command, "--dir");
        assertEquals(2, run.exit());
        assertOneCleanErrorLine(run);
        assertTrue(run.err().contains("--dir"), run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"export", "verify"})
    void unknownOptionIsOneLineNamingIt(String command) {
        CliRun run = CliRun.of(command, "--dir", tmp.toString(), "--colour");
        assertEquals(2, run.exit());
        assertOneCleanErrorLine(run);
        assertTrue(run.err().contains("--colour"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void versionRejectsAnUnknownOptionByName() {
        CliRun run = CliRun.of("version", "--verbose");
        assertEquals(2, run.exit());
        assertOneCleanErrorLine(run);
        assertTrue(run.err().contains("--verbose"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void badSinceDateIsOneLineNamingTheValue() {
        CliRun run = CliRun.of("export", "--dir", tmp.toString(), "--since", "2026-13-45");
        assertEquals(2, run.exit());
        assertOneCleanErrorLine(run);
        assertTrue(run.err().contains("--since"), run.err());
        assertTrue(run.err().contains("2026-13-45"), run.err());
    }

    @Test
    void badUntilTimeIsOneLine() {
        CliRun run = CliRun.of("export", "--dir", tmp.toString(), "--until", "yesterday");
        assertEquals(2, run.exit());
        assertOneCleanErrorLine(run);
        assertTrue(run.err().contains("yesterday"), run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"export", "verify"})
    void missingJournalDirectoryIsOneLineExit1AndNoStackTrace(String command) {
        Path missing = tmp.resolve("no-such-journal");
        CliRun run = CliRun.of(command, "--dir", missing.toString());
        assertEquals(1, run.exit());
        assertOneCleanErrorLine(run);
        assertTrue(run.err().contains(missing.toString()), run.err());
        assertEquals("", run.out());
        assertFalse(Files.exists(missing), "reading must not create the journal");
    }

    @ParameterizedTest
    @ValueSource(strings = {"export", "verify"})
    void directoryWithoutAJournalIsOneLineAndExit1(String command) throws Exception {
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "not a journal");
        CliRun run = CliRun.of(command, "--dir", empty.toString());
        assertEquals(1, run.exit());
        assertOneCleanErrorLine(run);
    }

    @Test
    void versionPrintsTheAgentVersion() {
        CliRun run = CliRun.of("version");
        assertEquals(0, run.exit());
        String first = run.outLines().get(0);
        assertTrue(first.startsWith("openrouter-audit-agent "), first);
        assertFalse(first.contains("${"), "the version is filled in at build time: " + first);
        assertFalse(first.endsWith("unknown"), first);
        assertEquals("", run.err());
    }
}
