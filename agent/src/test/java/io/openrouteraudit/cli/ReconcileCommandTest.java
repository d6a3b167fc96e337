package io.openrouteraudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openrouteraudit.audit.AuditRecord;
import io.openrouteraudit.cli.reconcile.FakeOpenRouter;
import io.openrouteraudit.cli.reconcile.FakeOpenRouter.Reply;
import io.openrouteraudit.config.JournalRoll;
import io.openrouteraudit.journal.JournalWriter;
import io.openrouteraudit.openrouter.Routing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reconcile over a journal written by the agent's own writer, against a local stand-in for OpenRouter. */
class ReconcileCommandTest {

    private static final String KEY = "sk-or-v1-feedfacefeedfacefeedfacefeedfacefeedfacefeedfacefeedfacefeedface";
    private static final Instant START = Instant.parse("2026-11-23T10:00:00.000Z");
    private static final String[] IDS = {
        "gen-1763892000-FirstRecordAAAAAAAAA",
        "gen-1763978400-SecondRecordBBBBBBBB",
        "gen-1764064800-ThirdRecordCCCCCCCCC",
    };
    private static final double[] COSTS = {0.0011, 0.0022, 0.0033};

    @TempDir
    Path tmp;
    private Path dir;
    private final FakeOpenRouter openRouter = FakeOpenRouter.start();
    private final List<Duration> slept = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> env = new HashMap<>(Map.of(ReconcileCommand.KEY_VARIABLE, KEY));
    private final Clock clock = Clock.fixed(START.plusSeconds(30), ZoneOffset.UTC);

    static AuditRecord record(Instant timestamp, String generationId, double cost, String model, String provider) {
        return new AuditRecord(timestamp, generationId, "jdk-httpclient", "POST", "/api/v1/chat/completions",
                model, model, provider, false, generationId == null ? null : 200,
                generationId == null ? "blocked" : "success", null, "stop",
                18L, 3L, null, 0L, generationId == null ? null : cost, 412L, null, "[EMAIL]", "Audit Test App", null,
                "0123456789ab", "a".repeat(64), "b".repeat(64), Map.of(), false, null, Routing.none(), List.of(),
                null, null, null, null);
    }

    @BeforeEach
    void writeJournal() throws IOException {
        dir = tmp.resolve("journal");
        try (JournalWriter writer = JournalWriter.open(dir, JournalRoll.DAILY)) {
            for (int i = 0; i < 3; i++) {
                writer.append(record(START.plusSeconds(i), IDS[i], COSTS[i], "openai/gpt-4o", "OpenAI"));
            }
            writer.append(record(START.plusSeconds(3), null, 0, "openai/gpt-4o", null)); // blocked: no generation
        }
    }

    @AfterEach
    void stop() {
        openRouter.close();
    }

    private void openRouterKnowsAllAfterOneEarly404() {
        for (int i = 0; i < 3; i++) {
            openRouter.script(IDS[i], Reply.of(404), Reply.generation(IDS[i], "openai/gpt-4o", "OpenAI", COSTS[i], 18, 3));
        }
    }

    private CliRun reconcile(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            try {
                exit = new ReconcileCommand(env::get, slept::add, clock).run(List.of(args), o, e);
            } catch (UsageException u) {
                e.println("openrouter-audit: " + u.getMessage());
                exit = u.exitCode();
            }
        }
        CliRun run = new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertFalse(run.out().contains(KEY) || run.err().contains(KEY), "the key is never printed");
        return run;
    }

    private CliRun reconcileAll(String... more) {
        List<String> args = new ArrayList<>(List.of("--dir", dir.toString(), "--base-url", openRouter.baseUrl()));
        args.addAll(List.of(more));
        return reconcile(args.toArray(String[]::new));
    }

    @Test
    void everyRecordMatchingExitsZeroAfterWaitingOutTheEarly404s() {
        openRouterKnowsAllAfterOneEarly404();

        CliRun run = reconcileAll();

        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(List.of("checked 3, matched 3, mismatched 0, unknown 0 (1 record without generation_id not checked)"),
                run.outLines());
        assertEquals("", run.err());
        for (String id : IDS) {
            assertEquals(2, openRouter.lookupsOf(id), "one 404, then the answer: " + id);
        }
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(500)), slept);
        assertTrue(openRouter.lookups().stream().allMatch(l -> ("Bearer " + KEY).equals(l.authorization())));
    }

    @Test
    void aMismatchAndAnUnknownGenerationAreListedInJournalOrderAndExitOne() {
        openRouter.script(IDS[0], Reply.generation(IDS[0], "openai/gpt-4o", "OpenAI", COSTS[0], 18, 3));
        openRouter.script(IDS[1], Reply.generation(IDS[1], "openai/gpt-4o-mini", "Azure", 0.5, 18, 3));
        // IDS[2]: OpenRouter never knows it.

        CliRun run = reconcileAll("--max-wait", "2");

        assertEquals(1, run.exit(), run.out() + run.err());
        assertEquals(List.of(
                "MISMATCH seq=2 generation_id=" + IDS[1] + " field=total_cost journal=0.0022 openrouter=0.5",
                "MISMATCH seq=2 generation_id=" + IDS[1]
                        + " field=model journal=\"openai/gpt-4o\" openrouter=\"openai/gpt-4o-mini\"",
                "MISMATCH seq=2 generation_id=" + IDS[1] + " field=provider journal=\"OpenAI\" openrouter=\"Azure\"",
                "UNKNOWN seq=3 generation_id=" + IDS[2]
                        + " OpenRouter does not know this generation (HTTP 404 after 4 attempts over 2.0 s)",
                "checked 3, matched 1, mismatched 1, unknown 1 (1 record without generation_id not checked)"),
                run.outLines());
        assertEquals("", run.err());
    }

    @Test
    void longFinishedGenerationsGetOneRetryOnly() {
        CliRun run = reconcile("--dir", dir.toString(), "--base-url", openRouter.baseUrl());
        // The fixed clock puts the records 30 s in the past: the full schedule for each.
        assertEquals(1, run.exit());
        assertEquals(6, openRouter.lookupsOf(IDS[0]));

        ReconcileCommand later = new ReconcileCommand(env::get, slept::add,
                Clock.fixed(START.plus(Duration.ofDays(3)), ZoneOffset.UTC));
        FakeOpenRouter fresh = FakeOpenRouter.start();
        try {
            int exit = later.run(List.of("--dir", dir.toString(), "--base-url", fresh.baseUrl()),
                    new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
            assertEquals(1, exit);
            assertEquals(2, fresh.lookupsOf(IDS[0]), "a 404 days after the call: one retry, then unknown");
        } catch (UsageException e) {
            throw new AssertionError(e.getMessage());
        } finally {
            fresh.close();
        }
    }

    @Test
    void manyRecordsAreReportedInSeqOrderWhateverOrderTheAnswersArrive() throws IOException {
        Path big = tmp.resolve("big");
        List<String> expected = new ArrayList<>();
        try (JournalWriter writer = JournalWriter.open(big, JournalRoll.DAILY)) {
            for (int i = 1; i <= 30; i++) {
                String id = "gen-1764064800-Record" + String.format("%014d", i);
                writer.append(record(START.plusSeconds(i), id, 0.001 * i, "openai/gpt-4o", "OpenAI"));
                // Early records answer late (more 404s first); every third one is billed differently.
                Reply[] replies = new Reply[(30 - i) % 4 + 1];
                java.util.Arrays.fill(replies, Reply.of(404));
                double billed = i % 3 == 0 ? 0.002 * i : 0.001 * i;
                replies[replies.length - 1] = Reply.generation(id, "openai/gpt-4o", "OpenAI", billed, 18, 3);
                openRouter.script(id, replies);
                if (i % 3 == 0) {
                    expected.add("MISMATCH seq=" + i + " generation_id=" + id + " field=total_cost");
                }
            }
        }
        CliRun run = reconcile("--dir", big.toString(), "--base-url", openRouter.baseUrl());

        assertEquals(1, run.exit(), run.err());
        List<String> lines = run.outLines();
        assertEquals(expected.size() + 1, lines.size(), run.out());
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(lines.get(i).startsWith(expected.get(i)), lines.get(i));
        }
        assertEquals("checked 30, matched 20, mismatched 10, unknown 0", lines.get(lines.size() - 1));
    }

    @Test
    void sinceAndUntilLimitTheRecordsLookedUp() {
        openRouterKnowsAllAfterOneEarly404();

        CliRun run = reconcileAll("--since", "2026-11-23T10:00:01Z", "--until", "2026-11-23T10:00:02Z");

        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of("checked 1, matched 1, mismatched 0, unknown 0"), run.outLines());
        assertEquals(0, openRouter.lookupsOf(IDS[0]));
        assertEquals(2, openRouter.lookupsOf(IDS[1]));
    }

    @Test
    void aMissingKeyIsOneLineAndExitTwoWithoutAnyRequest() {
        env.remove(ReconcileCommand.KEY_VARIABLE);
        CliRun run = reconcileAll();
        assertEquals(2, run.exit());
        assertEquals("", run.out());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("OPENROUTER_API_KEY is not set"), run.err());
        assertEquals(List.of(), openRouter.lookups());

        env.put(ReconcileCommand.KEY_VARIABLE, "  ");
        assertEquals(2, reconcileAll().exit());
        env.put(ReconcileCommand.KEY_VARIABLE, "sk-or-v1-abc\r\nX-Injected: 1");
        CliRun injected = reconcileAll();
        assertEquals(2, injected.exit());
        assertFalse(injected.err().contains("abc"), "no part of the key is printed: " + injected.err());
    }

    @Test
    void aMissingJournalIsExitTwo() {
        CliRun run = reconcile("--dir", tmp.resolve("nothing-here").toString(), "--base-url", openRouter.baseUrl());
        assertEquals(2, run.exit());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("no journal in"), run.err());
    }

    @Test
    void anUnreachableServerIsOneLineAndExitTwo() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CliRun run = reconcile("--dir", dir.toString(), "--base-url", "http://127.0.0.1:" + closedPort);
        assertEquals(2, run.exit());
        assertEquals("", run.out());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("openrouter-audit: reconcile: cannot reach http://127.0.0.1:" + closedPort),
                run.err());
    }

    @Test
    void aRefusedKeyIsExitTwo() {
        openRouter.script(IDS[0], Reply.of(401));
        CliRun run = reconcileAll();
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("refused the key in OPENROUTER_API_KEY (HTTP 401"), run.err());
    }

    @Test
    void badArgumentsAreExitTwo() {
        for (String[] args : List.of(
                new String[] {"--base-url", openRouter.baseUrl()},
                new String[] {"--dir", "x", "--base-url", "http://openrouter.ai"},
                new String[] {"--dir", "x", "--base-url", "not a url"},
                new String[] {"--dir", "x", "--max-wait", "-1"},
                new String[] {"--dir", "x", "--max-wait", "soon"},
                new String[] {"--dir", "x", "--since", "yesterday"},
                new String[] {"--dir", "x", "--bogus"})) {
            CliRun run = reconcile(args);
            assertEquals(2, run.exit(), String.join(" ", args));
            assertEquals(1, run.errLines().size(), run.err());
            assertTrue(run.err().startsWith("openrouter-audit: reconcile"), run.err());
        }
    }

    @Test
    void theCommandLineListsReconcileAndExplainsIt() {
        CliRun help = CliRun.of("reconcile", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("OPENROUTER_API_KEY") && help.out().contains("--max-wait"), help.out());
        assertTrue(CliRun.of("--help").out().contains("reconcile"));
        assertEquals(2, CliRun.of("reconcile").exit(), "--dir is required");
    }
}
