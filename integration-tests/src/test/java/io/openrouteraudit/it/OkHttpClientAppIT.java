package io.openrouteraudit.it;

import static io.openrouteraudit.it.JsonFields.integer;
import static io.openrouteraudit.it.JsonFields.text;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.openrouteraudit.apps.ClientIdentity;
import io.openrouteraudit.sim.RecordedExchange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * OkHttpClientApp — compiled against the OkHttp 3.14 API, with its own application and network
 * interceptors and its own OpenTelemetry API — run unchanged on OkHttp 3.14.9, 4.12.0 and 5.x,
 * each on JDK 17 and 25, without and with the agent. Every scenario runs once per (version,
 * JDK) in one forked JVM each way (see {@link LibraryAppRuns}); each test looks at one aspect.
 */
class OkHttpClientAppIT extends SimulatorPerClass {

    static final String CLIENT = "okhttp";
    static final RecordExpectations EXPECTATIONS = new RecordExpectations(CLIENT);
    static final OutcomeChecks OUTCOMES = new OutcomeChecks(EXPECTATIONS);

    /** The label of every call the app makes to the audited host (compared sorted). */
    static final List<String> AUDITED_CALLS = List.of("okhttp-sync-execute", "okhttp-otel-span",
            "okhttp-enqueue-1", "okhttp-enqueue-2", "okhttp-enqueue-3", "okhttp-enqueue-4", "okhttp-enqueue-stream",
            "okhttp-derived-client", "okhttp-interceptor-view", "okhttp-unread-body",
            "okhttp-stream-to-end", "okhttp-stream-until-done", "okhttp-stream-early-close",
            "okhttp-stream-usage-empty-choices", "okhttp-stream-no-done", "okhttp-stream-midstream-error",
            "okhttp-stream-call-cancel", "okhttp-fallback", "okhttp-error-402", "okhttp-error-429",
            "okhttp-error-500", "okhttp-error-closed-unread", "okhttp-gzip-requested-by-app",
            "okhttp-gzip-transparent", "okhttp-read-timeout");
    static final String NOT_AUDITED_CALL = "okhttp-not-audited-host";

    private final LibraryAppRuns runs = new LibraryAppRuns(simulator);

    @AfterAll
    void deleteJournals() {
        runs.deleteJournals();
    }

    static Stream<Arguments> versionsAndJdks() {
        List<Arguments> combinations = new ArrayList<>();
        for (TestJdk jdk : TestJdk.values()) {
            for (LibraryApp app : List.of(LibraryApp.OKHTTP_3, LibraryApp.OKHTTP_4, LibraryApp.OKHTTP_5)) {
                combinations.add(Arguments.of(app, jdk));
            }
        }
        return combinations.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("versionsAndJdks")
    void theApplicationPrintsAndSendsTheSameWithTheAgent(LibraryApp app, TestJdk jdk) {
        LibraryAppRuns.Run run = runs.of(app, jdk);
        String transcript = run.runs().withoutAgent().process().stdout();
        assertTrue(transcript.startsWith("okhttp: okhttp3.OkHttpClient from okhttp-"
                + (app == LibraryApp.OKHTTP_5 ? "jvm-" : "") + app.version() + ".jar"), transcript);
        LibraryAppRuns.assertUnchangedByTheAgent(run);
    }

    /**
     * The ground the comparison stands on: without any agent, a second run prints and sends
     * exactly what the first did, and every scenario did what it is meant to.
     */
    @Test
    void withoutTheAgentTheApplicationIsReproducible() {
        String transcript = runs.assertReproducibleWithoutAgent(LibraryApp.OKHTTP_4, List.of(
                "body left unread and open", "cancelled: true",
                "after cancel: reading failed with an IOException", "exception java.net.SocketTimeoutException",
                "header content-encoding: gzip", "otel span valid: false, current is ours: true",
                "derived client has the original's application interceptors: true"));
        assertFalse(transcript.contains("unexpected:"), transcript);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("versionsAndJdks")
    void everyExchangeHasOneRecordEqualToWhatTheSimulatorSent(LibraryApp app, TestJdk jdk) {
        LibraryAppRuns.Run run = runs.of(app, jdk);
        assertEquals(AUDITED_CALLS.stream().sorted().toList(),
                run.audited().stream().map(RecordPairing::label).sorted().toList(),
                "test design: the calls the app made to the audited host");
        run.journal().assertWellFormed(CLIENT).assertNoSecrets(run.runs().withAgent().process());
        LibraryAppRuns.assertRecords(run, specialRecords(), EXPECTATIONS::assertMatches);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("versionsAndJdks")
    void streamsAreRecordedOnceWithHowTheApplicationEndedThem(LibraryApp app, TestJdk jdk) {
        LibraryAppRuns.Run run = runs.of(app, jdk);
        for (String label : List.of("okhttp-stream-to-end", "okhttp-stream-until-done", "okhttp-stream-no-done",
                "okhttp-stream-usage-empty-choices", "okhttp-enqueue-stream")) {
            JsonNode record = run.record(label);
            assertEquals("success", text(record, "status"), label + ": a stream read to its end (or to [DONE]"
                    + " and then closed) succeeded: " + record);
            assertNotNull(integer(record, "completion_tokens"), label + ": usage of the stream: " + record);
            OutcomeChecks.assertTtft(record, label);
        }
        assertNotNull(integer(run.record("okhttp-stream-usage-empty-choices"), "reasoning_tokens"),
                "usage details of the documented shape");
        JsonNode midStreamError = run.record("okhttp-stream-midstream-error");
        assertEquals("error", text(midStreamError, "status"), "mid-stream error: " + midStreamError);
        assertEquals("502", text(midStreamError, "error_code"), "mid-stream error: " + midStreamError);
        assertEquals(200, integer(midStreamError, "http_status"));
        for (String label : List.of("okhttp-stream-early-close", "okhttp-stream-call-cancel")) {
            OUTCOMES.cancelledStream(run.record(label), run.exchange(label));
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("versionsAndJdks")
    void timeoutsUnreadBodiesAndUnreadErrorsAreRecordedWithTheirOutcome(LibraryApp app, TestJdk jdk) {
        LibraryAppRuns.Run run = runs.of(app, jdk);
        OUTCOMES.timedOut(run.record("okhttp-read-timeout"), run.exchange("okhttp-read-timeout"));
        OUTCOMES.neverRead(run.record("okhttp-unread-body"), run.exchange("okhttp-unread-body"));
        OUTCOMES.errorClosedUnread(run.record("okhttp-error-closed-unread"),
                run.exchange("okhttp-error-closed-unread"));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("versionsAndJdks")
    void gzipBodiesAreParsedWhetherTheApplicationOrOkHttpAskedForGzip(LibraryApp app, TestJdk jdk) {
        LibraryAppRuns.Run run = runs.of(app, jdk);
        for (String label : List.of("okhttp-gzip-requested-by-app", "okhttp-gzip-transparent")) {
            RecordedExchange exchange = run.exchange(label);
            assertEquals("gzip", exchange.response().headers().get("Content-Encoding"), "test design: " + label);
            JsonNode record = run.record(label);
            assertEquals("success", text(record, "status"), label + ": " + record);
            EXPECTATIONS.assertMatches(record, exchange);
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("versionsAndJdks")
    void aHostNotListedInHostsLeavesNoRecord(LibraryApp app, TestJdk jdk) {
        LibraryAppRuns.Run run = runs.of(app, jdk);
        List<RecordedExchange> toLocalhost = run.runs().withAgent().exchanges().stream()
                .filter(e -> "localhost".equals(e.request().hostName())).toList();
        assertEquals(List.of(NOT_AUDITED_CALL), toLocalhost.stream().map(RecordPairing::label).toList(),
                "test design: one call to localhost");
        String id = toLocalhost.get(0).response().facts().generationId();
        assertTrue(run.journal().records().stream().noneMatch(r -> id.equals(text(r, "generation_id"))),
                "no record of the call to localhost: " + RecordPairing.summaries(run.journal().records()));
    }

    /**
     * The application's interceptors see the objects they saw before, and a client derived with
     * newBuilder() keeps the original's interceptors and makes one exchange per call.
     */
    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("versionsAndJdks")
    void interceptorsAndDerivedClientsSeeWhatTheySawBefore(LibraryApp app, TestJdk jdk) {
        LibraryAppRuns.Run run = runs.of(app, jdk);
        TranscriptSections.assertSameSection(run.runs(), "interceptor-view");
        TranscriptSections.assertSameSection(run.runs(), "derived-client");
        Map<String, String> withAgent = TranscriptSections.of(run.runs().withAgent().process().stdout());
        String view = withAgent.get("interceptor-view");
        for (String holder : List.of("application interceptor request body ", "network interceptor request body ",
                "application interceptor response body ", "network interceptor response body ")) {
            String bodyClass = view.lines().filter(line -> line.contains(holder)).findFirst()
                    .map(line -> line.substring(line.indexOf(holder) + holder.length()))
                    .orElseThrow(() -> new AssertionError("no note \"" + holder + "\":\n" + view));
            assertTrue(bodyClass.startsWith("okhttp3.") || bodyClass.startsWith("io.openrouteraudit.apps."),
                    holder + "is OkHttp's own or the application's class, with the agent: " + bodyClass);
        }
        assertTrue(withAgent.get("derived-client").contains("client application interceptors: 1 [the application's];"
                + " network interceptors: 1 [the application's]"), "interceptors() lists only the application's"
                + " own, with the agent:\n" + withAgent.get("derived-client"));
        EXPECTATIONS.assertMatches(run.record("okhttp-derived-client"), run.exchange("okhttp-derived-client"));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("versionsAndJdks")
    void theApplicationsOwnOpenTelemetryApiIsLeftAloneAndNoAgentClassIsVisibleToIt(LibraryApp app, TestJdk jdk) {
        LibraryAppRuns.Run run = runs.of(app, jdk);
        TranscriptSections.assertSameSection(run.runs(), "classes-seen");
        String classes = TranscriptSections.of(run.runs().withAgent().process().stdout()).get("classes-seen");
        assertTrue(classes.contains("class io.openrouteraudit.instrument.okhttp.binding.NetworkExchangeObserver is not"
                + " visible"), classes);
        TranscriptSections.assertSameSection(run.runs(), "otel-span");
        String otel = TranscriptSections.of(run.runs().withAgent().process().stdout()).get("otel-span");
        assertTrue(otel.contains("GlobalOpenTelemetry from opentelemetry-api-1."), otel);
        EXPECTATIONS.assertMatches(run.record("okhttp-otel-span"), run.exchange("okhttp-otel-span"));
    }

    /**
     * A call that fails before OkHttp writes any request - nobody listens on the port - is
     * still one record: what the request line and headers (the application interceptor's
     * included) say, and the exception the application got.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = LibraryApp.class, names = {"OKHTTP_3", "OKHTTP_4", "OKHTTP_5"})
    void aRefusedConnectionIsOneRecordWithTheExceptionName(LibraryApp app, @TempDir Path temp) {
        ComparedRuns compared = runs.compare(app, TestJdk.JDK_17, temp, "connect-refused");
        TranscriptSections.assertSame(compared);
        String transcript = compared.withAgent().process().stdout();
        assertTrue(transcript.contains("exception java.net.ConnectException"), "test design: " + transcript);
        List<JsonNode> records = ExportedJournal.read(compared.journalDir()).assertWellFormed(CLIENT).records();
        assertEquals(1, records.size(), "one record for the one call: " + RecordPairing.summaries(records));
        JsonNode refused = records.get(0);
        assertEquals("error", text(refused, "status"), refused::toString);
        assertEquals("ConnectException", text(refused, "error_code"), refused::toString);
        assertNull(integer(refused, "http_status"), refused::toString);
        assertEquals("/api/v1/chat/completions", text(refused, "endpoint"), refused::toString);
        assertEquals(ClientIdentity.X_TITLE, text(refused, "app_title"), refused::toString);
        assertTrue(String.valueOf(text(refused, "key_fingerprint")).matches("[0-9a-f]{12}"), refused::toString);
    }

    /**
     * With {@code fail-mode=closed} and a journal that cannot be written, OkHttp's call fails
     * with an IOException before the request is written: the server receives nothing.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = LibraryApp.class, names = {"OKHTTP_3", "OKHTTP_4", "OKHTTP_5"})
    void failClosedRefusesTheCallBeforeAnyByteOfTheRequestLeaves(LibraryApp app, @TempDir Path temp)
            throws IOException {
        Path notADirectory = Files.writeString(temp.resolve("plain-file"), "x");
        Map<String, String> properties = new HashMap<>(AuditConfiguration.systemProperties(temp.resolve("unused")));
        properties.put("openrouter.audit.journal.dir", notADirectory.resolve("journal").toString());
        properties.put("openrouter.audit.fail-mode", "closed");
        AppRun refused = runs.runWithAgent(app, TestJdk.JDK_17, properties, "sync-execute");

        assertEquals(List.of(), refused.exchanges(), "the simulator received nothing");
        String transcript = refused.process().stdout();
        assertTrue(transcript.contains("exception java.io.IOException: ") && transcript.contains("fail-mode=closed"),
                transcript);
    }

    /** The calls whose record is not simply "what the simulator sent, read to the end". */
    static Map<String, BiConsumer<JsonNode, RecordedExchange>> specialRecords() {
        return Map.of(
                "okhttp-stream-early-close", OUTCOMES::cancelledStream,
                "okhttp-stream-call-cancel", OUTCOMES::cancelledStream,
                "okhttp-unread-body", OUTCOMES::neverRead,
                "okhttp-read-timeout", OUTCOMES::timedOut,
                "okhttp-error-closed-unread", OUTCOMES::errorClosedUnread);
    }
}
