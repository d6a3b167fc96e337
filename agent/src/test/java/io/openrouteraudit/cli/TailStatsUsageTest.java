package io.openrouteraudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openrouteraudit.config.JournalRoll;
import io.openrouteraudit.journal.JournalWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** tail and stats: --help, and one clean stderr line with a non-zero exit for every kind of misuse. */
class TailStatsUsageTest {

    @TempDir
    Path tmp;

    private static void assertOneCleanErrorLine(CliRun run, int exit, String mentions) {
        assertEquals(exit, run.exit(), run.err());
        assertEquals(1, run.errLines().size(), () -> "stderr: " + run.err());
        String line = run.errLines().get(0);
        assertTrue(line.startsWith("openrouter-audit: "), line);
        assertTrue(line.contains(mentions), line);
        assertFalse(run.err().contains("\tat "), "no stack trace");
        assertFalse(run.err().contains("Exception"), line);
        assertEquals("", run.out());
    }

    private Path journal() throws IOException {
        Path dir = tmp.resolve("journal");
        try (JournalWriter w = JournalWriter.open(dir, JournalRoll.DAILY)) {
            w.append(ChosenRecord.at("2026-11-23T10:00:00.000Z").build());
        }
        return dir;
    }

    @ParameterizedTest
    @ValueSource(strings = {"tail", "stats"})
    void helpPrintsUsageAndExits0(String command) {
        CliRun run = CliRun.of(command, "--help");
        assertEquals(0, run.exit());
        assertTrue(run.out().startsWith("usage: " + command), run.out());
        assertEquals("", run.err());
    }

    @Test
    void overviewListsTailAndStats() {
        CliRun run = CliRun.of("--help");
        assertTrue(run.out().contains("  tail "), run.out());
        assertTrue(run.out().contains("  stats "), run.out());
    }

    @Test
    void statsHelpDocumentsThePolicyGroupingAndThePercentilePrecision() {
        String help = CliRun.of("stats", "--help").out();
        assertTrue(help.contains("a record with none is not counted"), help);
        assertTrue(help.contains("within 1.5% of the exact"), help);
        assertTrue(help.contains("exact below 128 ms"), help);
        assertTrue(help.contains("(none)"), help);
    }

    @Test
    void tailWithoutDirIsOneLineAndExit2() {
        assertOneCleanErrorLine(CliRun.of("tail"), 2, "--dir");
    }

    @Test
    void statsWithoutByIsOneLineAndExit2() throws IOException {
        assertOneCleanErrorLine(CliRun.of("stats", "--dir", journal().toString()), 2, "--by");
    }

    @Test
    void statsWithAnUnknownGroupingNamesItAndTheAllowedOnes() throws IOException {
        CliRun run = CliRun.of("stats", "--dir", journal().toString(), "--by", "colour");
        assertOneCleanErrorLine(run, 2, "'colour'");
        assertTrue(run.err().contains("model|day|user|provider|key|policy"), run.err());
    }

    @Test
    void statsWithAnUnknownFormatIsOneLineAndExit2() throws IOException {
        assertOneCleanErrorLine(CliRun.of("stats", "--dir", journal().toString(), "--by", "model", "--format",
                "xml"), 2, "'xml'");
    }

    @Test
    void statsWithABadSinceIsOneLineAndExit2() throws IOException {
        assertOneCleanErrorLine(CliRun.of("stats", "--dir", journal().toString(), "--by", "day", "--since",
                "last week"), 2, "last week");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "ten", "", "1.5"})
    void tailWithABadCountIsOneLineAndExit2(String n) throws IOException {
        assertOneCleanErrorLine(CliRun.of("tail", "--dir", journal().toString(), "-n", n), 2, "-n");
    }

    /** The command's own required arguments plus {@code extra}. */
    private static CliRun run(String command, Path dir, String... extra) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(command, "--dir", dir.toString()));
        if (command.equals("stats")) {
            args.addAll(java.util.List.of("--by", "model"));
        }
        args.addAll(java.util.List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tail", "stats"})
    void unknownOptionIsOneLineNamingIt(String command) throws IOException {
        assertOneCleanErrorLine(run(command, journal(), "--colour"), 2, "--colour");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tail", "stats"})
    void missingJournalIsOneLineExit1AndNothingIsCreated(String command) {
        Path missing = tmp.resolve("no-such-journal");
        assertOneCleanErrorLine(run(command, missing), 1, missing.toString());
        assertFalse(Files.exists(missing));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tail", "stats"})
    void directoryWithoutAJournalIsOneLineAndExit1(String command) throws IOException {
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "not a journal");
        assertOneCleanErrorLine(run(command, empty), 1, "no journal");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tail", "stats", "export"})
    void aJournalWhoseRecordHeaderWasZeroedIsReportedAsDamaged(String command) throws IOException {
        Path dir = tmp.resolve("journal");
        try (JournalWriter w = JournalWriter.open(dir, JournalRoll.DAILY)) {
            for (int i = 0; i < 3; i++) {
                w.append(ChosenRecord.at("2026-11-23T10:00:00.000Z").build());
            }
        }
        Path file = JournalFiles.cycleFiles(dir).get(0);
        long at = JournalFiles.offsetsOf(file, "{\"schema\":1,\"seq\":2,").get(0);
        JournalFiles.write(file, at - 4, new byte[4]);

        CliRun run = command.equals("stats") ? CliRun.of(command, "--dir", dir.toString(), "--by", "model")
                : command.equals("tail") ? CliRun.of(command, "--dir", dir.toString(), "-n", "3")
                : CliRun.of(command, "--dir", dir.toString(), "--format", "csv");
        assertEquals(1, run.exit(), run.out() + run.err());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("openrouter-audit: " + command + ": "), run.err());
        assertTrue(run.err().contains("damaged"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"stats --by model", "export --since 2026-11-01", "export --until 2027-01-01"})
    void aLineThatIsNotARecordIsOneLineNamingTheSeqBeforeItNeverASilentGap(String command) throws IOException {
        Path dir = tmp.resolve("journal");
        try (JournalWriter w = JournalWriter.open(dir, JournalRoll.DAILY)) {
            for (int i = 0; i < 3; i++) {
                w.append(ChosenRecord.at("2026-11-23T10:00:00.000Z").build());
            }
        }
        Path file = JournalFiles.cycleFiles(dir).get(0);
        long at = JournalFiles.offsetsOf(file, "{\"schema\":1,\"seq\":3,").get(0);
        JournalFiles.write(file, at, new byte[] {'#'});

        String[] words = command.split(" ");
        CliRun run = CliRun.of(words[0], "--dir", dir.toString(), words[1], words[2]);
        assertEquals(1, run.exit(), run.out() + run.err());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("the journal is damaged: the record after seq 2 is not readable"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }
}
