package io.openrouteraudit.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openrouteraudit.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The simulator speaks OpenRouter's shapes, records what it received and sent, and is deterministic. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenRouterSimulatorTest {

    private final OpenRouterSimulator simulator = OpenRouterSimulator.start();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterAll
    void stop() {
        simulator.close();
    }

    @Test
    void chatCompletionCarriesIdProviderUsageAndCostAndIsRecorded() throws Exception {
        String body = chatBody("openai/gpt-4o-mini", false);
        int mark = simulator.exchangeCount();
        HttpResponse<String> response = post("/api/v1/chat/completions", body);

        Map<String, Object> json = JsonReader.parseObject(response.body());
        assertEquals(200, response.statusCode());
        assertEquals(json.get("id"), response.headers().firstValue("X-Generation-Id").orElseThrow());
        assertTrue(((String) json.get("id")).matches("gen-\\d{10}-[A-Za-z0-9]{20}"));
        assertEquals("OpenAI", json.get("provider"));
        assertEquals("openai/gpt-4o-mini", json.get("model"));

        RecordedExchange exchange = simulator.exchangesSince(mark).get(0);
        assertEquals(body, exchange.request().bodyText());
        assertEquals("application/json", exchange.request().header("content-type"));
        assertEquals(response.body(), exchange.response().bodyText());
        ResponseFacts facts = exchange.response().facts();
        Map<?, ?> usage = (Map<?, ?>) json.get("usage");
        assertEquals(json.get("id"), facts.generationId());
        assertEquals(new BigDecimal(usage.get("prompt_tokens").toString()).intValue(), facts.promptTokens());
        assertEquals(0, ((BigDecimal) usage.get("cost")).compareTo(facts.cost()));
        assertEquals(facts.cost(), facts.cost().stripTrailingZeros());
        assertFalse(facts.stream());
    }

    @Test
    void theSameRequestGetsTheSameAnswer() throws Exception {
        String body = chatBody("google/gemini-2.5-flash", false);
        assertEquals(post("/api/v1/chat/completions", body).body(), post("/api/v1/chat/completions", body).body());
    }

    @Test
    void streamHasKeepAlivesObservedUsageAndDone() throws Exception {
        HttpResponse<String> response = post("/api/v1/chat/completions", chatBody("deepseek/deepseek-chat-v3.1", true));

        assertEquals("text/event-stream", response.headers().firstValue("Content-Type").orElseThrow());
        List<String> lines = response.body().lines().toList();
        assertTrue(lines.contains(": OPENROUTER PROCESSING"));
        assertEquals("data: [DONE]", lines.stream().filter(l -> !l.isEmpty()).reduce((a, b) -> b).orElseThrow());
        String usageEvent = lines.stream().filter(l -> l.contains("\"usage\"")).findFirst().orElseThrow();
        assertTrue(usageEvent.contains("\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null"),
                usageEvent);
    }

    @Test
    void documentedUsageShapeHasEmptyChoices() throws Exception {
        HttpResponse<String> response = post("/api/v1/chat/completions",
                chatBody("sim/stream-usage-empty-choices", true));

        String usageEvent = response.body().lines().filter(l -> l.contains("\"usage\"")).findFirst().orElseThrow();
        assertTrue(usageEvent.contains("\"choices\":[],\"usage\""), usageEvent);
    }

    @Test
    void midStreamErrorEndsTheStreamWithoutDone() throws Exception {
        int mark = simulator.exchangeCount();
        HttpResponse<String> response = post("/api/v1/chat/completions", chatBody("sim/stream-midstream-error", true));

        assertEquals(200, response.statusCode());
        assertFalse(response.body().contains("[DONE]"));
        assertTrue(response.body().contains("\"error\":{\"code\":502"));
        ResponseFacts facts = simulator.exchangesSince(mark).get(0).response().facts();
        assertEquals("502", facts.errorCode());
        assertEquals("error", facts.finishReason());
        assertNull(facts.promptTokens());
    }

    @Test
    void errorStatusEqualsErrorCodeAnd429CarriesRetryAfter() throws Exception {
        for (int code : new int[] {402, 429, 500}) {
            HttpResponse<String> response = post("/api/v1/chat/completions", chatBody("sim/error-" + code, false));
            assertEquals(code, response.statusCode());
            Map<?, ?> error = (Map<?, ?>) JsonReader.parseObject(response.body()).get("error");
            assertEquals(code, ((BigDecimal) error.get("code")).intValue());
        }
        HttpResponse<String> limited = post("/api/v1/chat/completions", chatBody("sim/error-429", false));
        assertEquals("7", limited.headers().firstValue("Retry-After").orElseThrow());
    }

    @Test
    void fallbackIsServedByTheSecondModel() throws Exception {
        String body = "{\"model\":\"sim/fallback\",\"models\":[\"sim/fallback\",\"anthropic/claude-3.5-haiku\"],"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        Map<String, Object> json = JsonReader.parseObject(post("/api/v1/chat/completions", body).body());
        assertEquals("anthropic/claude-3.5-haiku", json.get("model"));
        assertEquals("Anthropic", json.get("provider"));
    }

    @Test
    void gzipIsSentWhateverTheClientAccepts() throws Exception {
        HttpResponse<byte[]> response = client.send(request("/api/v1/chat/completions", chatBody("sim/gzip", false)),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", response.headers().firstValue("Content-Encoding").orElseThrow());
        byte[] json = new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes();
        assertTrue(JsonReader.parseObject(new String(json, StandardCharsets.UTF_8)).containsKey("usage"));
    }

    @Test
    void unreadableBodiesAre200() throws Exception {
        HttpResponse<String> malformed = post("/api/v1/chat/completions", chatBody("sim/malformed", false));
        assertEquals(200, malformed.statusCode());
        assertThrowsIllegalArgument(malformed.body());
        HttpResponse<String> html = post("/api/v1/chat/completions", chatBody("sim/html", false));
        assertTrue(html.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        HttpResponse<String> empty = post("/api/v1/chat/completions", chatBody("sim/empty", false));
        assertEquals("", empty.body());
    }

    @Test
    void legacyCompletionsAnswerWithText() throws Exception {
        String body = "{\"model\":\"openai/gpt-4o-mini\",\"prompt\":\"Say hi\",\"max_tokens\":32}";
        Map<String, Object> json = JsonReader.parseObject(post("/api/v1/completions", body).body());
        Map<?, ?> choice = (Map<?, ?>) ((List<?>) json.get("choices")).get(0);
        assertEquals("text_completion", json.get("object"));
        assertTrue(choice.get("text") instanceof String);
    }

    @Test
    void generationLookupReturnsWhatWasSent() throws Exception {
        Map<String, Object> chat = JsonReader.parseObject(
                post("/api/v1/chat/completions", chatBody("mistralai/mistral-small-3.2-24b-instruct", false)).body());
        HttpResponse<String> lookup = client.send(HttpRequest.newBuilder(
                URI.create(simulator.baseUrl() + "/api/v1/generation?id=" + chat.get("id"))).build(),
                HttpResponse.BodyHandlers.ofString());
        Map<?, ?> data = (Map<?, ?>) JsonReader.parseObject(lookup.body()).get("data");
        assertEquals("Mistral", data.get("provider_name"));
        assertEquals(0, ((BigDecimal) data.get("total_cost")).compareTo(
                (BigDecimal) ((Map<?, ?>) chat.get("usage")).get("cost")));
    }

    @Test
    void recordsRequestBodiesByteForByteWhateverTheTransferCoding() throws Exception {
        byte[] body = chatBody("google/gemini-2.5-flash", false).getBytes(StandardCharsets.UTF_8);
        int mark = simulator.exchangeCount();
        client.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/api/v1/chat/completions"))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.discarding());
        ReceivedRequest received = simulator.exchangesSince(mark).get(0).request();
        assertTrue(Arrays.equals(body, received.body()));
        assertEquals("chunked", received.header("Transfer-Encoding"));
    }

    private static void assertThrowsIllegalArgument(String text) {
        try {
            JsonReader.parse(text);
        } catch (IllegalArgumentException expected) {
            return;
        }
        throw new AssertionError("parsed although malformed: " + text);
    }

    private static String chatBody(String model, boolean stream) {
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Where is my parcel?\"}],"
                + "\"max_tokens\":256" + (stream ? ",\"stream\":true" : "") + "}";
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return client.send(request(path, body), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path, String body) {
        return HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
