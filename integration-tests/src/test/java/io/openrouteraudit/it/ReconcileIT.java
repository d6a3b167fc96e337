package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.openrouteraudit.apps.JdkClientApp;
import io.openrouteraudit.sim.OpenRouterSimulator;
import io.openrouteraudit.sim.RecordedExchange;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reconcile} (SPEC §5) against the simulator's {@code GET /api/v1/generation?id=}: an
 * application runs with the agent, then the command line, in its own JVM with the key in
 * {@code OPENROUTER_API_KEY}, looks every recorded generation up - through the simulator's
 * early 404s - and compares it with the journal.
 */
class ReconcileIT {

    private static final String KEY = "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";
    /** Calls that complete normally: plain, concurrent, streamed, and one served by a fallback model. */
    private static final List<String> SCENARIOS =
            List.of("sync-send", "async-in-flight", "http2-requested", "stream-ofLines", "fallback");
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private OpenRouterSimulator simulator;

    @TempDir
    Path temp;

    @BeforeEach
    void startSimulator() {
        simulator = OpenRouterSimulator.start();
        // As OpenRouter does for a second or more after a call: the first lookup of each generation is 404.
        simulator.generationLookups().notFoundAtFirst(1);
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    /** The application's calls with the agent attached; the journal's records, which must carry generation ids. */
    private List<JsonNode> auditedRun(Path journalDir) {
        List<String> args = new ArrayList<>();
        args.add(simulator.baseUrl());
        args.addAll(SCENARIOS);
        ForkedJvm.mainClass(TestJdk.JDK_17, AppClassPath.apps(), JdkClientApp.class.getName())
                .javaAgent(AgentJar.require())
                .systemProperties(AuditConfiguration.systemProperties(journalDir))
                .args(args)
                .run()
                .assertExitCode(0);
        List<JsonNode> records = AgentCli.exportRecords(AgentCli.export(journalDir));
        assertTrue(records.size() >= SCENARIOS.size(), "one record per call: " + records.size());
        for (JsonNode record : records) {
            assertTrue(JsonFields.text(record, "generation_id") != null, "every call was answered: " + record);
        }
        return records;
    }

    private ForkedJvmResult reconcile(Path journalDir, String... more) {
        return reconcileWithKey(KEY, journalDir, simulator.baseUrl(), more);
    }

    private static ForkedJvmResult reconcileWithKey(String key, Path journalDir, String baseUrl, String... more) {
        List<String> args = new ArrayList<>(List.of("reconcile", "--dir", journalDir.toString(), "--base-url", baseUrl));
        args.addAll(List.of(more));
        ForkedJvmResult result = ForkedJvm.executableJar(TestJdk.JDK_17, AgentJar.require())
                .environment("OPENROUTER_API_KEY", key)
                .args(args)
                .timeout(TIMEOUT)
                .run();
        assertFalse(result.stdout().contains(KEY) || result.stderr().contains(KEY),
                () -> "the key is never printed\n" + result.describe());
        return result;
    }

    private List<RecordedExchange> lookups() {
        return simulator.exchanges().stream()
                .filter(e -> e.request().path().equals("/api/v1/generation"))
                .toList();
    }

    private static String summary(int checked, int matched, int mismatched, int unknown) {
        return "checked " + checked + ", matched " + matched + ", mismatched " + mismatched + ", unknown " + unknown;
    }

    @Test
    void everyRecordMatchesOnceOpenRouterKnowsItExitZero() {
        Path journalDir = temp.resolve("journal");
        List<JsonNode> records = auditedRun(journalDir);

        ForkedJvmResult result = reconcile(journalDir).assertExitCode(0);

        assertEquals(List.of(summary(records.size(), records.size(), 0, 0)), result.stdoutLines(), result.describe());
        assertEquals("", result.stderr());
        for (JsonNode record : records) {
            String id = JsonFields.text(record, "generation_id");
            assertEquals(2, simulator.generationLookups().lookupsOf(id),
                    "one early 404, then the answer after a backoff: " + id);
        }
        assertEquals(2 * records.size(), lookups().size());
        for (RecordedExchange lookup : lookups()) {
            assertEquals("GET", lookup.request().method());
            assertEquals("Bearer " + KEY, lookup.request().header("authorization"));
        }
    }

    @Test
    void aPlantedCostDifferenceIsReportedAndTheRestMatchExitOne() {
        Path journalDir = temp.resolve("journal");
        List<JsonNode> records = auditedRun(journalDir);
        JsonNode planted = records.get(records.size() / 2);
        String id = JsonFields.text(planted, "generation_id");
        long seq = JsonFields.longValue(planted, "seq");
        simulator.generationLookups().plant(id, "total_cost", new BigDecimal("0.987654"));

        ForkedJvmResult result = reconcile(journalDir).assertExitCode(1);

        String journalCost = BigDecimal.valueOf(planted.get("total_cost").asDouble()).stripTrailingZeros()
                .toPlainString();
        assertEquals(List.of(
                "MISMATCH seq=" + seq + " generation_id=" + id + " field=total_cost journal=" + journalCost
                        + " openrouter=0.987654",
                summary(records.size(), records.size() - 1, 1, 0)), result.stdoutLines(), result.describe());
        assertEquals("", result.stderr());
    }

    @Test
    void aGenerationOpenRouterDoesNotKnowIsUnknownAfterTheBackoff() {
        Path journalDir = temp.resolve("journal");
        List<JsonNode> records = auditedRun(journalDir);
        JsonNode forgotten = records.get(0);
        String id = JsonFields.text(forgotten, "generation_id");
        simulator.generationLookups().forget(id);

        ForkedJvmResult result = reconcile(journalDir, "--max-wait", "2").assertExitCode(1);

        List<String> lines = result.stdoutLines();
        assertEquals(2, lines.size(), result.describe());
        assertEquals("UNKNOWN seq=" + JsonFields.longValue(forgotten, "seq") + " generation_id=" + id
                + " OpenRouter does not know this generation (HTTP 404 after 4 attempts over 2.0 s)", lines.get(0));
        assertEquals(summary(records.size(), records.size() - 1, 0, 1), lines.get(1));
        assertEquals(4, simulator.generationLookups().lookupsOf(id), "0.5 s + 1 s + 0.5 s: the 2 s budget");
    }

    @Test
    void aMissingKeyOrAnUnreachableServerIsOneLineAndExitTwo() throws IOException {
        Path journalDir = temp.resolve("journal");
        auditedRun(journalDir);
        int before = lookups().size();

        ForkedJvmResult noKey = reconcileWithKey(null, journalDir, simulator.baseUrl()).assertExitCode(2);
        assertEquals("", noKey.stdout());
        assertEquals(1, noKey.stderr().lines().count(), noKey.describe());
        assertTrue(noKey.stderr().contains("OPENROUTER_API_KEY is not set"), noKey.describe());
        assertEquals(before, lookups().size(), "no request without a key");

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ForkedJvmResult unreachable = reconcileWithKey(KEY, journalDir, "http://127.0.0.1:" + closedPort)
                .assertExitCode(2);
        assertEquals("", unreachable.stdout());
        assertEquals(1, unreachable.stderr().lines().count(), unreachable.describe());
        assertTrue(unreachable.stderr().contains("cannot reach http://127.0.0.1:" + closedPort), unreachable.describe());

        ForkedJvmResult noJournal = reconcile(temp.resolve("no-journal")).assertExitCode(2);
        assertEquals(1, noJournal.stderr().lines().count(), noJournal.describe());
        assertTrue(noJournal.stderr().contains("no journal in"), noJournal.describe());
    }
}
