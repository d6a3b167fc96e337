package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.openrouteraudit.sim.OpenRouterSimulator;
import io.openrouteraudit.sim.RecordedExchange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Every scenario of a library app run once per (library version, JDK) — without the agent and
 * with it, against one simulator — and its journal exported and verified once; the test
 * methods of a class then each look at one aspect of the same runs. A run that failed is
 * remembered as failed, so it fails every test that needs it without being run again.
 */
final class LibraryAppRuns {

    /** One (app, JDK): the two runs and the journal of the run with the agent. */
    record Run(LibraryApp app, TestJdk jdk, ComparedRuns runs, ExportedJournal journal) {

        List<RecordedExchange> audited() {
            return runs.withAgent().auditedExchanges();
        }

        /** The audited exchange that the call with this label sent (the only one, unless retried). */
        RecordedExchange exchange(String label) {
            List<RecordedExchange> matching = exchanges(label);
            assertEquals(1, matching.size(), () -> "exchanges of the call " + label + ": " + matching.size());
            return matching.get(0);
        }

        List<RecordedExchange> exchanges(String label) {
            return audited().stream().filter(e -> RecordPairing.label(e).equals(label)).toList();
        }

        RecordPairing pairing() {
            return RecordPairing.of(journal.records(), audited());
        }

        JsonNode record(String label) {
            return pairing().recordOf(exchange(label));
        }

        @Override
        public String toString() {
            return app + " on " + jdk;
        }
    }

    /** Per forked JVM; a run takes a few seconds, an SDK run under load up to twenty. */
    static final Duration FORK_TIMEOUT = Duration.ofSeconds(120);
    /**
     * The forked applications are short-lived and their JIT's second tier never pays off: C1
     * only halves the CPU the SDK app (Kotlin, Jackson) needs to start, on 2 cores. Both runs,
     * with and without the agent, get the same options.
     */
    static final List<String> APP_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

    private final OpenRouterSimulator simulator;
    private final Path root;
    private final Map<String, Object> runs = new ConcurrentHashMap<>();

    LibraryAppRuns(OpenRouterSimulator simulator) {
        this.simulator = simulator;
        try {
            this.root = Files.createTempDirectory("library-app-runs");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    OpenRouterSimulator simulator() {
        return simulator;
    }

    /**
     * The app with every scenario, without the agent: for checking that the app itself is
     * reproducible.
     */
    AppRun runWithoutAgent(LibraryApp app, TestJdk jdk) {
        return runOnce(fork(app, jdk));
    }

    /** Deletes the journals of every run. */
    void deleteJournals() {
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }

    /** The runs of every scenario of the app on this JDK, made on first request. */
    synchronized Run of(LibraryApp app, TestJdk jdk) {
        String key = app.name() + "-" + jdk.name();
        Object known = runs.get(key);
        if (known == null) {
            try {
                known = runAndExport(app, jdk, root.resolve(key));
            } catch (AssertionError | RuntimeException e) {
                known = e;
            }
            runs.put(key, known);
        }
        if (known instanceof AssertionError e) {
            throw new AssertionError("the runs of " + app + " on " + jdk + " failed: " + e.getMessage(), e);
        }
        if (known instanceof RuntimeException e) {
            throw new IllegalStateException("the runs of " + app + " on " + jdk + " failed: " + e, e);
        }
        return (Run) known;
    }

    /**
     * As {@link AgentComparison}: without the agent, then with it, the same class path,
     * arguments and {@code openrouter.audit.*} properties; only {@code -javaagent} differs.
     */
    private Run runAndExport(LibraryApp app, TestJdk jdk, Path dir) {
        ComparedRuns compared = compare(app, jdk, dir, "all");
        String transcript = compared.withoutAgent().process().stdout();
        if (!transcript.lines().anyMatch("== end"::equals)) {
            fail(app + " did not run to its end without the agent\n" + compared.withoutAgent().process().describe());
        }
        ExportedJournal journal = ExportedJournal.read(compared.journalDir());
        return new Run(app, jdk, compared, journal);
    }

    /**
     * The named scenarios only, without the agent and then with it, its journal in
     * {@code dir/journal}: for scenarios kept out of {@code all}.
     */
    ComparedRuns compare(LibraryApp app, TestJdk jdk, Path dir, String... scenarios) {
        return compare(app, jdk, dir, List.of(), scenarios);
    }

    /** The same, both runs with these JVM options too (a heap limit, say). */
    ComparedRuns compare(LibraryApp app, TestJdk jdk, Path dir, List<String> jvmOptions, String... scenarios) {
        Path journalDir = dir.resolve("journal");
        Map<String, String> properties = AuditConfiguration.systemProperties(journalDir);
        ForkedJvm without = fork(app, jdk, scenarios).systemProperties(properties);
        ForkedJvm with = fork(app, jdk, scenarios).javaAgent(AgentJar.require()).systemProperties(properties);
        jvmOptions.forEach(without::jvmOption);
        jvmOptions.forEach(with::jvmOption);
        return new ComparedRuns(runOnce(without), runOnce(with), journalDir);
    }

    /** The named scenarios once, with the agent and these {@code openrouter.audit.*} properties. */
    AppRun runWithAgent(LibraryApp app, TestJdk jdk, Map<String, String> properties, String... scenarios) {
        return runOnce(fork(app, jdk, scenarios).javaAgent(AgentJar.require()).systemProperties(properties));
    }

    private ForkedJvm fork(LibraryApp app, TestJdk jdk) {
        return fork(app, jdk, "all");
    }

    private ForkedJvm fork(LibraryApp app, TestJdk jdk, String... scenarios) {
        ForkedJvm jvm = ForkedJvm.mainClass(jdk, app.classPath(), app.mainClass()).timeout(FORK_TIMEOUT);
        APP_JVM_OPTIONS.forEach(jvm::jvmOption);
        jvm.args(simulator.baseUrl());
        return jvm.args(scenarios);
    }

    private AppRun runOnce(ForkedJvm jvm) {
        int mark = simulator.exchangeCount();
        ForkedJvmResult result = jvm.run().assertExitCode(0);
        return new AppRun(result, simulator.exchangesSince(mark));
    }

    /**
     * Pairs each audited exchange with its record and checks it: with the check named for its
     * call label, or else with {@code ordinary}. Every problem is collected and reported at
     * once, by label, so one test names every call the agent got wrong.
     */
    static void assertRecords(Run run, Map<String, BiConsumer<JsonNode, RecordedExchange>> checks,
                              BiConsumer<JsonNode, RecordedExchange> ordinary) {
        RecordPairing pairing = run.pairing();
        List<String> problems = new ArrayList<>(pairing.problems());
        for (RecordedExchange exchange : run.audited()) {
            String label = RecordPairing.label(exchange);
            try {
                checks.getOrDefault(label, ordinary).accept(pairing.recordOf(exchange), exchange);
            } catch (AssertionError e) {
                if (!pairing.problems().contains(e.getMessage())) {
                    problems.add(label + ": " + e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " record(s) differ from what the simulator received and sent (" + run + "):\n"
                    + String.join("\n\n", problems));
        }
    }

    /** The application printed the same sections and the simulator received the same bytes, with and without the agent. */
    static void assertUnchangedByTheAgent(Run run) {
        assertAll(() -> TranscriptSections.assertSame(run.runs()),
                () -> assertEquals(ReceivedBytes.describe(run.runs().withoutAgent().exchanges()),
                        ReceivedBytes.describe(run.runs().withAgent().exchanges()),
                        "the simulator received different requests with the agent attached"));
    }

    /**
     * The ground the comparison stands on: without any agent, a second run of {@code app} prints
     * and sends exactly what the first did, and its transcript holds each expected line.
     *
     * @return the second run's transcript, for further checks
     */
    String assertReproducibleWithoutAgent(LibraryApp app, List<String> expectedLines) {
        Run run = of(app, TestJdk.JDK_17);
        AppRun again = runWithoutAgent(app, TestJdk.JDK_17);
        assertEquals(TranscriptSections.of(run.runs().withoutAgent().process().stdout()),
                TranscriptSections.of(again.process().stdout()), "transcripts of two plain runs");
        assertEquals(ReceivedBytes.describe(run.runs().withoutAgent().exchanges()),
                ReceivedBytes.describe(again.exchanges()), "requests of two plain runs");
        String transcript = again.process().stdout();
        for (String expected : expectedLines) {
            assertTrue(transcript.contains(expected), "the transcript should contain \"" + expected + "\"\n"
                    + transcript);
        }
        return transcript;
    }
}
