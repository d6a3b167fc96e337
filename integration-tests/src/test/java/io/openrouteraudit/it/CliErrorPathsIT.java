package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC §5 through the real jar: bad arguments, a missing journal, a damaged journal and an
 * unreachable server each give one clear line on stderr and a non-zero exit, never a stack trace,
 * for every command. (verify's own verdict on a damaged journal is its stdout line, SPEC §5.)
 */
class CliErrorPathsIT {

    private static final String KEY = "sk-or-v1-0000000000000000000000000000000000000000000000000000000000e220e2";
    private static final String[] TIMESTAMPS = {"2026-11-21T08:00:00Z", "2026-11-21T09:00:00Z", "2026-11-22T10:00:00Z"};
    private static final String SECOND_RECORD = "{\"schema\":1,\"seq\":2,";

    @TempDir
    static Path temp;
    private static Path intact;
    private static Path damagedHeader;
    private static Path damagedRecord;
    private static String closedPortUrl;

    @BeforeAll
    static void journals() throws IOException {
        intact = FixtureJournal.write(TimestampedJournalFixture.class, temp.resolve("intact"), TIMESTAMPS);
        AgentCli.verify(intact).assertExitCode(0);
        // One bit of the 4-byte Chronicle header in front of record 2 (its last byte holds the flags).
        damagedHeader = FixtureJournal.write(TimestampedJournalFixture.class, temp.resolve("header"), TIMESTAMPS);
        JournalBytes.flip(JournalBytes.findOnce(damagedHeader, SECOND_RECORD), -1, 0x40);
        // One byte of record 2 itself: its opening brace, so the stored line is no JSON object any more.
        damagedRecord = FixtureJournal.write(TimestampedJournalFixture.class, temp.resolve("record"), TIMESTAMPS);
        JournalBytes.flip(JournalBytes.findOnce(damagedRecord, SECOND_RECORD), 0, '{' ^ '[');
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPortUrl = "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    /** {@code command} (space-separated words) on a journal dir, with what each command needs besides. */
    private static ForkedJvmResult run(String command, Path dir) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--dir", dir.toString()));
        if (command.equals("report")) {
            args.addAll(List.of("--out", temp.resolve("report-" + dir.getFileName() + ".html").toString()));
        }
        if (command.equals("reconcile")) {
            args.addAll(List.of("--base-url", closedPortUrl));
        }
        return ForkedJvm.executableJar(TestJdk.JDK_17, AgentJar.require())
                .environment("OPENROUTER_API_KEY", KEY)
                .args(args)
                .run();
    }

    private static void assertOneCleanErrorLine(ForkedJvmResult result, String mentions) {
        assertNotEquals(0, result.exitCode(), result.describe());
        List<String> lines = result.stderr().lines().toList();
        assertEquals(1, lines.size(), "one line on stderr\n" + result.describe());
        assertTrue(lines.get(0).startsWith("openrouter-audit: "), result.describe());
        assertTrue(lines.get(0).contains(mentions), "the line says what is wrong: " + mentions + "\n"
                + result.describe());
        assertNoStackTrace(result);
    }

    private static void assertNoStackTrace(ForkedJvmResult result) {
        for (String line : (result.stdout() + "\n" + result.stderr()).lines().toList()) {
            assertFalse(line.startsWith("\tat ") || line.contains("Exception in thread"),
                    "no stack trace\n" + result.describe());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"export", "export --format csv", "tail", "tail --follow", "stats --by model", "verify",
        "report", "reconcile"})
    void aMissingJournalDirectory(String command) {
        Path missing = temp.resolve("never-written");
        ForkedJvmResult result = run(command, missing);
        assertOneCleanErrorLine(result, "no journal in " + missing);
        assertEquals("", result.stdout(), result.describe());
        assertFalse(Files.exists(missing), "nothing is created");
    }

    /**
     * A corrupted bit in Chronicle's header in front of record 2 stops every command; a corrupted
     * byte in record 2 itself stops every command that reads the records' fields.
     */
    @ParameterizedTest(name = "{1} on a corrupted {0}")
    @CsvSource({
        "header, export", "header, export --format csv", "header, tail", "header, tail --follow",
        "header, stats --by model", "header, report", "header, reconcile",
        "record, export --format csv", "record, export --since 2026-11-20", "record, stats --by model",
        "record, stats --by day --until 2026-12-01", "record, reconcile",
    })
    void aCorruptedByteInAQueueFile(String damaged, String command) {
        ForkedJvmResult result = run(command, damaged.equals("header") ? damagedHeader : damagedRecord);
        assertOneCleanErrorLine(result, "the journal is damaged");
    }

    @Test
    void verifyReportsTheCorruptedHeaderAtTheFirstRecordItCannotAccountFor() {
        ForkedJvmResult verify = run("verify", damagedHeader).assertExitCode(1);
        assertTrue(verify.stdout().startsWith("FAILED at seq 2: "), verify.describe());
        assertNoStackTrace(verify);
    }

    @Test
    void verifyAndReportLeadWithTheCorruptedRecord() {
        ForkedJvmResult verify = run("verify", damagedRecord).assertExitCode(1);
        assertEquals(List.of("FAILED at seq 2: record is not a journal record (1 records intact before it)"),
                verify.stdoutLines(), verify.describe());
        ForkedJvmResult report = run("report", damagedRecord).assertExitCode(1);
        assertEquals(verify.stdoutLines().get(0), report.stdoutLines().get(0), report.describe());
        assertNoStackTrace(verify);
        assertNoStackTrace(report);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = ';', value = {
        "export; --format xml; 'xml'",
        "export; --since yesterday; 'yesterday'",
        "export; --until; --until needs a value",
        "export; --bogus; '--bogus'",
        "tail; -n -3; '-3'",
        "tail; --follow=yes; '--follow=yes'",
        "stats; --format json; --by G is required",
        "stats; --by week; 'week'",
        "stats; --by model --format xml; 'xml'",
        "stats; --by model --since 2026-13-01; '2026-13-01'",
        "verify; --since 2026-11-01; '--since'",
        "report; --since 2026-11-01; --out F.html is required",
        "reconcile; --since nope; 'nope'",
    })
    void badArguments(String command, String arguments, String mentions) {
        List<String> args = new ArrayList<>(List.of(command, "--dir", intact.toString()));
        args.addAll(List.of(arguments.split(" ")));
        ForkedJvmResult result = AgentCli.run(args.toArray(String[]::new));
        assertOneCleanErrorLine(result, mentions);
        assertEquals("", result.stdout(), result.describe());
    }

    @Test
    void anUnknownCommandOrNoDirectory() {
        assertOneCleanErrorLine(AgentCli.run("frobnicate", "--dir", intact.toString()), "'frobnicate'");
        for (String command : List.of("export", "tail", "stats --by model", "verify", "report", "reconcile")) {
            assertOneCleanErrorLine(AgentCli.run(command.split(" ")), "--dir D is required");
        }
    }

    @Test
    void reconcileAgainstAClosedPort() {
        ForkedJvmResult result = run("reconcile", intact);
        assertOneCleanErrorLine(result, "cannot reach " + closedPortUrl);
        assertEquals("", result.stdout(), result.describe());
        assertFalse(result.stderr().contains(KEY), "the key is never printed");
    }
}
