package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.openrouteraudit.apps.JournalLoadApp;
import io.openrouteraudit.sim.OpenRouterSimulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link JournalLoadApp} against the simulator, with or without the agent, and what its output
 * says: which calls completed, by the generation id each one printed.
 */
final class JournalLoadRun {

    static final String CLIENT = "jdk-httpclient";

    private JournalLoadRun() {
    }

    /** {@code calls:<label>:<threads>:<callsPerThread>} */
    static String calls(String label, int threads, int callsPerThread) {
        return "calls:" + label + ":" + threads + ":" + callsPerThread;
    }

    /** {@code await:<file>}: the application prints {@link #awaiting(Path)} and waits for the file. */
    static String await(Path file) {
        return "await:" + file;
    }

    static String awaiting(Path file) {
        return "awaiting " + file.getFileName();
    }

    /** The application with the agent, journal in {@code journalDir}, OTLP off unless {@code extra} says. */
    static ForkedJvm withAgent(TestJdk jdk, OpenRouterSimulator simulator, Path journalDir,
                               Map<String, String> extra, String... steps) {
        Map<String, String> properties = AuditConfiguration.systemProperties(journalDir);
        properties.putAll(extra);
        return withoutAgent(jdk, simulator, steps).javaAgent(AgentJar.require()).systemProperties(properties);
    }

    static ForkedJvm withoutAgent(TestJdk jdk, OpenRouterSimulator simulator, String... steps) {
        return ForkedJvm.mainClass(jdk, AppClassPath.apps(), JournalLoadApp.class.getName())
                .args(simulator.baseUrl())
                .args(steps);
    }

    /** The generation ids the application printed: one per call it saw complete. */
    static List<String> completedGenerationIds(List<String> stdoutLines) {
        List<String> ids = new ArrayList<>();
        for (String line : stdoutLines) {
            String[] words = line.split(" ");
            if (words.length == 6 && words[3].equals("HTTP") && words[5].startsWith("gen-")) {
                ids.add(words[5]);
            }
        }
        return ids;
    }

    /** The lines of calls that failed, with the exception the application saw. */
    static List<String> failedCalls(List<String> stdoutLines) {
        return stdoutLines.stream().filter(l -> l.split(" ").length > 3 && !l.split(" ")[3].equals("HTTP")
                && !l.startsWith("awaiting ")).toList();
    }

    static List<String> generationIds(List<JsonNode> records) {
        return records.stream().map(r -> JsonFields.text(r, "generation_id")).toList();
    }

    /** Each id once, the same set on both sides. */
    static void assertSameDistinctIds(List<String> printed, List<String> journal, String what) {
        Set<String> printedSet = new TreeSet<>(printed);
        assertEquals(printed.size(), printedSet.size(), "the application printed a generation id twice");
        assertEquals(journal.size(), new TreeSet<>(journal).size(), "a generation id is in the journal twice");
        assertEquals(printedSet, new TreeSet<>(journal), what);
    }
}
