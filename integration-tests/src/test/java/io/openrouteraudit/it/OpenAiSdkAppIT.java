package io.openrouteraudit.it;

import static io.openrouteraudit.it.JsonFields.integer;
import static io.openrouteraudit.it.JsonFields.text;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.openrouteraudit.sim.RecordedExchange;
import io.openrouteraudit.sim.SimulatedBehaviour;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * OpenAiSdkApp on the newest openai-java 4.x and on the oldest version whose API it compiles
 * against (JDK 17), and the newest again on JDK 25, without and with the agent. The SDK's bytes
 * travel through OkHttp: every HTTP attempt must have exactly one record, with client
 * {@code openai-java}, never one from each layer.
 */
class OpenAiSdkAppIT extends SimulatorPerClass {

    static final String CLIENT = "openai-java";
    static final RecordExpectations EXPECTATIONS = new RecordExpectations(CLIENT);
    static final OutcomeChecks OUTCOMES = new OutcomeChecks(EXPECTATIONS);
    /** maxRetries(2): the first attempt and two retries, each its own HTTP exchange. */
    static final int RATE_LIMITED_ATTEMPTS = 3;
    static final String RATE_LIMITED_CALL = "sdk-rate-limited-retried";

    /** The label of every call the app makes to the audited host (a retried call once per attempt). */
    static final List<String> AUDITED_CALLS = List.of("sdk-chat-create", "sdk-chat-create-streaming",
            "sdk-chat-streaming-usage-empty-choices", "sdk-chat-streaming-first-chunk-only",
            "sdk-async-1", "sdk-async-2", "sdk-async-3", "sdk-async-stream", "sdk-fallback",
            RATE_LIMITED_CALL, RATE_LIMITED_CALL, RATE_LIMITED_CALL, "sdk-error-402", "sdk-midstream-error",
            "sdk-responses-create", "sdk-embeddings-create");

    private final LibraryAppRuns runs = new LibraryAppRuns(simulator);

    @AfterAll
    void deleteJournals() {
        runs.deleteJournals();
    }

    static Stream<Arguments> versionsAndJdks() {
        return Stream.of(Arguments.of(LibraryApp.OPENAI_NEWEST, TestJdk.JDK_17),
                Arguments.of(LibraryApp.OPENAI_OLDEST, TestJdk.JDK_17),
                Arguments.of(LibraryApp.OPENAI_NEWEST, TestJdk.JDK_25));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("versionsAndJdks")
    void theApplicationPrintsAndSendsTheSameWithTheAgent(LibraryApp app, TestJdk jdk) {
        LibraryAppRuns.Run run = runs.of(app, jdk);
        String transcript = run.runs().withoutAgent().process().stdout();
        assertTrue(transcript.startsWith("sdk: com.openai.client.okhttp.OpenAIOkHttpClient from openai-java-client-okhttp-"
                + app.version() + ".jar"), transcript);
        LibraryAppRuns.assertUnchangedByTheAgent(run);
    }

    /**
     * The ground the comparison stands on: without any agent, a second run prints and sends
     * exactly what the first did, and every scenario did what it is meant to.
     */
    @Test
    void withoutTheAgentTheApplicationIsReproducible() {
        runs.assertReproducibleWithoutAgent(LibraryApp.OPENAI_NEWEST, List.of(
                "exception com.openai.errors.RateLimitException", "status code 429",
                "exception com.openai.errors.SseException", "stream closed after the first chunk",
                "output text: ", "embeddings model openai/text-embedding-3-small", "-- async createStreaming"));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("versionsAndJdks")
    void everyHttpAttemptHasExactlyOneRecordEqualToWhatTheSimulatorSent(LibraryApp app, TestJdk jdk) {
        LibraryAppRuns.Run run = runs.of(app, jdk);
        assertEquals(AUDITED_CALLS.stream().sorted().toList(),
                run.audited().stream().map(RecordPairing::label).sorted().toList(),
                "test design: the HTTP attempts the SDK made to the audited host");
        run.journal().assertWellFormed(CLIENT).assertNoSecrets(run.runs().withAgent().process());
        Map<String, BiConsumer<JsonNode, RecordedExchange>> special = Map.of(
                "sdk-chat-streaming-first-chunk-only", OUTCOMES::cancelledStream,
                RATE_LIMITED_CALL, OUTCOMES::errorClosedUnread);
        LibraryAppRuns.assertRecords(run, special, EXPECTATIONS::assertMatches);
    }

    /** The SDK retries a 429 twice (Retry-After: 0): three exchanges, three records, one prompt. */
    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("versionsAndJdks")
    void sdkRetriesAreSeparateRecordsWithTheSamePromptHash(LibraryApp app, TestJdk jdk) {
        LibraryAppRuns.Run run = runs.of(app, jdk);
        List<RecordedExchange> attempts = run.exchanges(RATE_LIMITED_CALL);
        assertEquals(RATE_LIMITED_ATTEMPTS, attempts.size(), "test design: the SDK's attempts at the simulator");
        List<String> retryCounts = attempts.stream().map(e -> e.request().header("X-Stainless-Retry-Count"))
                .sorted().toList();
        assertEquals(List.of("0", "1", "2"), retryCounts, "test design: the SDK numbers its attempts");
        List<JsonNode> records = run.journal().records().stream()
                .filter(r -> SimulatedBehaviour.ERROR_429_RETRY_NOW.modelId().equals(text(r, "model_requested")))
                .toList();
        assertEquals(RATE_LIMITED_ATTEMPTS, records.size(),
                "one record per attempt:\n" + RecordPairing.summaries(records));
        Set<String> promptHashes = records.stream().map(r -> text(r, "prompt_hash")).collect(Collectors.toSet());
        assertEquals(1, promptHashes.size(), "the attempts sent the same prompt:\n" + RecordPairing.summaries(records));
        assertTrue(run.journal().records().stream().filter(r -> !records.contains(r))
                        .noneMatch(r -> promptHashes.contains(text(r, "prompt_hash"))),
                "no other call sent that prompt");
        for (JsonNode record : records) {
            assertEquals(429, integer(record, "http_status"), RecordPairing.summary(record));
            assertEquals("error", text(record, "status"), "every attempt was answered 429, an error, whether the"
                    + " SDK read its body (the last) or closed it to retry (the others):\n"
                    + RecordPairing.summaries(records));
        }
        assertTrue(records.stream().anyMatch(r -> "429".equals(text(r, "error_code"))),
                "the attempt whose body the SDK read has OpenRouter's error.code:\n" + RecordPairing.summaries(records));
    }

    /** SseException (4.x) or OpenAIException (0.x) exactly as without the agent, and an error record. */
    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("versionsAndJdks")
    void aMidStreamErrorStillThrowsTheSdksExceptionAndIsRecordedAsAnError(LibraryApp app, TestJdk jdk) {
        LibraryAppRuns.Run run = runs.of(app, jdk);
        TranscriptSections.assertSameSection(run.runs(), "midstream-error");
        String section = TranscriptSections.of(run.runs().withoutAgent().process().stdout()).get("midstream-error");
        assertTrue(section.contains("exception com.openai.errors."), section);
        JsonNode record = run.record("sdk-midstream-error");
        assertEquals(200, integer(record, "http_status"), RecordPairing.summary(record));
        assertEquals("502", text(record, "error_code"), RecordPairing.summary(record));
        assertEquals("error", text(record, "status"), "a stream that ended in an error event, which made the SDK"
                + " throw and close it: " + record);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("versionsAndJdks")
    void theResponsesApiAndEmbeddingsAreRecordedWithTheirEndpointAndUsage(LibraryApp app, TestJdk jdk) {
        LibraryAppRuns.Run run = runs.of(app, jdk);
        JsonNode response = run.record("sdk-responses-create");
        assertEquals("/api/v1/responses", text(response, "endpoint"));
        assertNotNull(integer(response, "prompt_tokens"), "input_tokens: " + response);
        assertNotNull(integer(response, "completion_tokens"), "output_tokens: " + response);
        EXPECTATIONS.assertMatches(response, run.exchange("sdk-responses-create"));
        JsonNode embeddings = run.record("sdk-embeddings-create");
        assertEquals("/api/v1/embeddings", text(embeddings, "endpoint"));
        assertNotNull(integer(embeddings, "prompt_tokens"), "usage.prompt_tokens: " + embeddings);
        assertNull(integer(embeddings, "completion_tokens"), "an embedding completes nothing: " + embeddings);
        EXPECTATIONS.assertMatches(embeddings, run.exchange("sdk-embeddings-create"));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("versionsAndJdks")
    void streamsAndAsyncCallsAreRecordedOnceWithHowTheyEnded(LibraryApp app, TestJdk jdk) {
        LibraryAppRuns.Run run = runs.of(app, jdk);
        for (String label : List.of("sdk-chat-create-streaming", "sdk-chat-streaming-usage-empty-choices",
                "sdk-async-stream")) {
            JsonNode record = run.record(label);
            assertEquals("success", text(record, "status"), label + ": " + record);
            OutcomeChecks.assertTtft(record, label);
            EXPECTATIONS.assertMatches(record, run.exchange(label));
        }
        for (String label : List.of("sdk-async-1", "sdk-async-2", "sdk-async-3", "sdk-chat-create", "sdk-fallback")) {
            EXPECTATIONS.assertMatches(run.record(label), run.exchange(label));
        }
        OUTCOMES.cancelledStream(run.record("sdk-chat-streaming-first-chunk-only"),
                run.exchange("sdk-chat-streaming-first-chunk-only"));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("versionsAndJdks")
    void aHostNotListedInHostsLeavesNoRecord(LibraryApp app, TestJdk jdk) {
        LibraryAppRuns.Run run = runs.of(app, jdk);
        List<RecordedExchange> toLocalhost = run.runs().withAgent().exchanges().stream()
                .filter(e -> "localhost".equals(e.request().hostName())).toList();
        assertEquals(List.of("sdk-not-audited-host"), toLocalhost.stream().map(RecordPairing::label).toList(),
                "test design: one call to localhost");
        String id = toLocalhost.get(0).response().facts().generationId();
        List<JsonNode> records = new ArrayList<>(run.journal().records());
        assertTrue(records.stream().noneMatch(r -> id.equals(text(r, "generation_id"))),
                "no record of the call to localhost: " + RecordPairing.summaries(records));
    }
}
