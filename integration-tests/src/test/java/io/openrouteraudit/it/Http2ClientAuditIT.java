package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.openrouteraudit.apps.Http2ClientApp;
import io.openrouteraudit.sim.RecordedExchange;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A real HTTP/2 exchange: {@link Http2ClientApp} (JDK HttpClient, {@code version(HTTP_2)})
 * against a Jetty h2c OpenRouter, without and with the agent. The first call upgrades the
 * connection from HTTP/1.1 ({@code Upgrade: h2c}); the chat calls after it, JSON and streams,
 * sync and async, are HTTP/2 streams on that connection. The server's own record of each
 * request's protocol makes the test fail if anything falls back to HTTP/1.1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Http2ClientAuditIT {

    private static final String CLIENT = "jdk-httpclient";
    private static final Duration APP_TIMEOUT = Duration.ofSeconds(60);
    private static final String HTTP2_ON_THE_WIRE = "HTTP/2.0";
    /** The transcript's sections, one per call, in the order the application makes them. */
    private static final List<String> CALLS = List.of("models-send", "chat-send", "chat-sendAsync",
            "stream-send-ofLines", "stream-sendAsync-ofInputStream");

    private final Http2OpenRouterServer server = Http2OpenRouterServer.start();

    /** One run of the application and what the server served it. */
    private record Run(ForkedJvmResult process, List<Http2OpenRouterServer.Served> served) {

        List<RecordedExchange> exchanges() {
            return served.stream().map(Http2OpenRouterServer.Served::exchange).toList();
        }
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdk.class)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void http2ExchangesAreAuditedAndTheApplicationIsUnchanged(TestJdk jdk, @TempDir Path temp) {
        Path journalDir = temp.resolve("journal");
        Map<String, String> properties = AuditConfiguration.systemProperties(journalDir);
        Run without = run(ForkedJvm.mainClass(jdk, AppClassPath.apps(), Http2ClientApp.class.getName())
                .systemProperties(properties));
        Run with = run(ForkedJvm.mainClass(jdk, AppClassPath.apps(), Http2ClientApp.class.getName())
                .javaAgent(AgentJar.require()).systemProperties(properties));

        assertReallyHttp2(without, "without the agent");
        assertEquals(without.process().stdout(), with.process().stdout(),
                () -> "the application printed something else with the agent attached\n--- with the agent ---\n"
                        + with.process().describe());
        assertEquals(ReceivedBytes.describe(without.exchanges()), ReceivedBytes.describe(with.exchanges()),
                "the server received different requests with the agent attached");
        assertReallyHttp2(with, "with the agent");

        ExportedJournal journal = ExportedJournal.read(journalDir)
                .assertWellFormed(CLIENT)
                .assertNoSecrets(with.process());
        assertEquals(with.served().size(), journal.records().size(),
                () -> "one record per call of the run with the agent; records: " + journal.records());
        RecordExpectations expectations = new RecordExpectations(CLIENT);
        for (Http2OpenRouterServer.Served served : with.served()) {
            RecordedExchange exchange = served.exchange();
            if ("GET".equals(exchange.request().method())) {
                assertModelListRecord(journal.records());
                continue;
            }
            JsonNode record = journal.recordFor(exchange);
            expectations.assertMatches(record, exchange);
            boolean stream = exchange.response().facts().stream();
            String about = " of the HTTP/2 exchange " + ExchangeKey.of(exchange) + ": " + record;
            assertEquals("success", JsonFields.text(record, "status"), "status" + about);
            assertEquals(stream, JsonFields.bool(record, "stream"), "stream" + about);
            BigDecimal ttft = JsonFields.decimal(record, "ttft_ms");
            if (stream) {
                assertNotNull(ttft, "ttft_ms" + about);
            } else {
                assertNull(ttft, "ttft_ms" + about);
            }
        }
    }

    private Run run(ForkedJvm jvm) {
        int mark = server.servedCount();
        ForkedJvmResult process = jvm.args(server.baseUrl()).timeout(APP_TIMEOUT).run().assertExitCode(0);
        return new Run(process, server.servedSince(mark));
    }

    /**
     * Both sides agree the exchanges were HTTP/2: every call of the transcript succeeded with
     * {@code response.version()} HTTP_2, and the server served one request per call, the chat
     * calls as HTTP/2 streams that offered no upgrade (the connection already was HTTP/2).
     */
    private static void assertReallyHttp2(Run run, String which) {
        Map<String, List<String>> sections = sections(run.process().stdout());
        List<String> expectedSections = new ArrayList<>(CALLS);
        expectedSections.add("end");
        String transcript = "\n--- transcript " + which + " ---\n" + run.process().stdout();
        assertEquals(expectedSections, List.copyOf(sections.keySet()), "the calls of the transcript" + transcript);
        for (String call : CALLS) {
            List<String> lines = sections.get(call);
            assertTrue(lines.stream().noneMatch(line -> line.startsWith("exception ")),
                    () -> call + " failed " + which + transcript);
            assertTrue(lines.contains("status 200 HTTP_2"),
                    () -> call + " should have been answered with HTTP/2 (status 200 HTTP_2) " + which + transcript);
        }

        List<Http2OpenRouterServer.Served> served = run.served();
        String seen = "\n--- the server served " + which + " ---\n" + describe(served);
        assertEquals(CALLS.size(), served.size(), "one request per call at the server" + seen);
        long upgrades = served.stream().filter(Http2OpenRouterServer.Served::upgradeOffered).count();
        assertEquals(1, upgrades, "exactly one request, the first on the connection, offers the h2c upgrade" + seen);
        for (Http2OpenRouterServer.Served one : served) {
            assertEquals(HTTP2_ON_THE_WIRE, one.protocol(), "every request was served over HTTP/2" + seen);
            boolean chat = "POST".equals(one.exchange().request().method());
            if (chat) {
                assertFalse(one.upgradeOffered(), "a chat call is a pure HTTP/2 stream, not an upgrade" + seen);
            }
        }
    }

    /** The bodiless GET that carried the upgrade is an audited exchange too, with no chat facts. */
    private static void assertModelListRecord(List<JsonNode> records) {
        List<JsonNode> gets = records.stream().filter(r -> "GET".equals(JsonFields.text(r, "method"))).toList();
        assertEquals(1, gets.size(), () -> "one record of the GET " + Http2ClientApp.class.getSimpleName()
                + " upgraded with; records: " + records);
        JsonNode record = gets.get(0);
        String about = " of the upgraded GET: " + record;
        assertEquals(Http2OpenRouterReplies.MODELS, JsonFields.text(record, "endpoint"), "endpoint" + about);
        assertEquals(200, JsonFields.integer(record, "http_status"), "http_status" + about);
        assertEquals("success", JsonFields.text(record, "status"), "status" + about);
        assertEquals(Boolean.FALSE, JsonFields.bool(record, "stream"), "stream" + about);
        assertNull(JsonFields.text(record, "generation_id"), "generation_id" + about);
        assertNull(JsonFields.text(record, "model_requested"), "model_requested" + about);
        assertNull(JsonFields.decimal(record, "ttft_ms"), "ttft_ms" + about);
    }

    /** {@code == name} headed sections of a transcript, in order. */
    private static Map<String, List<String>> sections(String stdout) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : stdout.lines().toList()) {
            if (line.startsWith("== ")) {
                current = new ArrayList<>();
                sections.put(line.substring(3), current);
            } else if (current != null) {
                current.add(line);
            }
        }
        return sections;
    }

    private static String describe(List<Http2OpenRouterServer.Served> served) {
        StringBuilder text = new StringBuilder();
        for (Http2OpenRouterServer.Served one : served) {
            text.append(one.protocol()).append(one.upgradeOffered() ? " (upgrade h2c offered) " : " ")
                    .append(one.exchange().request().method()).append(' ').append(one.exchange().request().path())
                    .append(" -> ").append(one.exchange().response().status()).append('\n');
        }
        return text.toString();
    }
}
