package io.openrouteraudit.it;

import static io.openrouteraudit.it.JsonFields.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.openrouteraudit.apps.JdkClientApp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Servers that misbehave below HTTP (SPEC §7): a 100 MB body to an application with a 256 MB
 * heap, an event stream whose connection is cut, a connection reset in the middle of a JSON
 * body and of a stream, and a server that drips one byte a second to a client with a timeout
 * of two seconds. Malformed JSON, HTML, empty and gzip bodies are proven in
 * {@link JdkHttpClientErrorsIT}, {@link OkHttpClientAppIT} and {@link OpenAiSdkAppIT}. Each
 * client runs every fault in one JVM without and one with the agent: the application must get
 * the same bytes and the same exceptions, and each exchange exactly one record.
 */
class HostileServersIT extends SimulatorPerClass {

    private static final List<String> SCENARIOS = List.of("huge-body", "stream-cut", "stream-reset", "reset", "drip");

    private final AgentComparison comparison = new AgentComparison(simulator);
    private final LibraryAppRuns libraryRuns = new LibraryAppRuns(simulator);

    @AfterAll
    void deleteJournals() {
        libraryRuns.deleteJournals();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdk.class)
    void jdkHttpClientGetsTheSameBytesAndExceptionsAndEachExchangeOneRecord(TestJdk jdk, @TempDir Path temp) {
        List<String> args = new ArrayList<>();
        args.add(simulator.baseUrl());
        args.addAll(SCENARIOS);
        ComparedRuns runs = comparison.run(jdk, temp.resolve("journal"), AppClassPath.apps(), JdkClientApp.class,
                args, HostileServerRecords.SMALL_HEAP);
        HostileServerRecords.assertApplicationUnchanged(runs);
        List<String> transcript = runs.withAgent().process().stdoutLines();
        assertTrue(transcript.stream().anyMatch(l -> l.startsWith(HostileServerRecords.HUGE_BODY_READ)),
                () -> "the 100 MB body read whole\n" + runs.withAgent().process().describe());
        assertTrue(transcript.contains("exception java.net.http.HttpTimeoutException: request timed out"),
                () -> "the drip ends in the client's timeout\n" + runs.withAgent().process().describe());

        ExportedJournal journal = JdkClientAppAudit.verifiedJournal(runs);
        Map<String, JsonNode> records = HostileServerRecords.assertOneRecordEach(journal,
                runs.withAgent().auditedExchanges(), Map.of("huge-body", "success", "stream-cut", "error",
                        "stream-reset", "error", "reset", "error", "drip", "timeout"));
        HostileServerRecords.assertHugeBody(records.get("huge-body"));
        assertEquals("HttpTimeoutException", text(records.get("drip"), "error_code"));
        HostileServerRecords.report("jdk-httpclient on " + jdk, runs, records);
    }

    static Stream<Arguments> okHttpVersions() {
        return Stream.of(Arguments.of(LibraryApp.OKHTTP_4, TestJdk.JDK_17), Arguments.of(LibraryApp.OKHTTP_4, TestJdk.JDK_25),
                Arguments.of(LibraryApp.OKHTTP_3, TestJdk.JDK_17), Arguments.of(LibraryApp.OKHTTP_5, TestJdk.JDK_17));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("okHttpVersions")
    void okHttpGetsTheSameBytesAndExceptionsAndEachExchangeOneRecord(LibraryApp app, TestJdk jdk,
                                                                     @TempDir Path temp) {
        ComparedRuns runs = libraryRuns.compare(app, jdk, temp, HostileServerRecords.SMALL_HEAP,
                SCENARIOS.toArray(String[]::new));
        HostileServerRecords.assertApplicationUnchanged(runs);
        List<String> transcript = runs.withAgent().process().stdoutLines();
        assertTrue(transcript.stream().anyMatch(l -> l.startsWith(HostileServerRecords.HUGE_BODY_READ)),
                () -> "the 100 MB body read whole\n" + runs.withAgent().process().describe());

        ExportedJournal journal = ExportedJournal.read(runs.journalDir()).assertWellFormed(OkHttpClientAppIT.CLIENT)
                .assertNoSecrets(runs.withAgent().process());
        Map<String, JsonNode> records = HostileServerRecords.assertOneRecordEach(journal,
                runs.withAgent().auditedExchanges(), Map.of("okhttp-huge-body", "success",
                        "okhttp-stream-cut", "error", "okhttp-stream-reset", "error", "okhttp-reset", "error",
                        "okhttp-drip", "timeout"));
        HostileServerRecords.assertHugeBody(records.get("okhttp-huge-body"));
        HostileServerRecords.report(app + " on " + jdk, runs, records);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdk.class)
    void openAiSdkGetsTheSameChunksAndExceptionsAndEachExchangeOneRecord(TestJdk jdk, @TempDir Path temp) {
        ComparedRuns runs = libraryRuns.compare(LibraryApp.OPENAI_NEWEST, jdk, temp, "stream-cut", "reset");
        HostileServerRecords.assertApplicationUnchanged(runs);

        ExportedJournal journal = ExportedJournal.read(runs.journalDir()).assertWellFormed("openai-java")
                .assertNoSecrets(runs.withAgent().process());
        Map<String, JsonNode> records = HostileServerRecords.assertOneRecordEach(journal,
                runs.withAgent().auditedExchanges(), Map.of("sdk-stream-cut", "error", "sdk-reset", "error"));
        HostileServerRecords.report("openai-java on " + jdk, runs, records);
    }
}
