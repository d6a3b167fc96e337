package io.openrouteraudit.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openrouteraudit.json.JsonReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The Responses API, embeddings, the 429 whose Retry-After is 0 and the slow stream, as the library app tests use them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenRouterSimulatorEndpointsTest {

    private final OpenRouterSimulator simulator = OpenRouterSimulator.start();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterAll
    void stop() {
        simulator.close();
    }

    @Test
    void responsesApiAnswersWithOutputTextAndInputOutputUsage() throws Exception {
        int mark = simulator.exchangeCount();
        HttpResponse<String> response = post("/api/v1/responses",
                "{\"model\":\"openai/gpt-4o-mini\",\"input\":\"Where is order 48213?\"}");

        assertEquals(200, response.statusCode());
        Map<String, Object> json = JsonReader.parseObject(response.body());
        assertEquals("response", json.get("object"));
        assertEquals("completed", json.get("status"));
        assertEquals(json.get("id"), response.headers().firstValue("X-Generation-Id").orElseThrow());
        Map<?, ?> message = (Map<?, ?>) ((List<?>) json.get("output")).get(0);
        assertEquals("message", message.get("type"));
        Map<?, ?> part = (Map<?, ?>) ((List<?>) message.get("content")).get(0);
        assertEquals("output_text", part.get("type"));
        Map<?, ?> usage = (Map<?, ?>) json.get("usage");

        ResponseFacts facts = simulator.exchangesSince(mark).get(0).response().facts();
        assertEquals(json.get("id"), facts.generationId());
        assertEquals(part.get("text"), facts.completionText());
        assertEquals(((BigDecimal) usage.get("input_tokens")).intValue(), facts.promptTokens());
        assertEquals(((BigDecimal) usage.get("output_tokens")).intValue(), facts.completionTokens());
        assertEquals(0, ((BigDecimal) usage.get("cost")).compareTo(facts.cost()));
        assertNull(facts.provider(), "the Responses API names no provider");
        assertNull(facts.finishReason(), "the Responses API has no finish_reason");
        assertEquals(7 + "Where is order 48213?".length() / 4, facts.promptTokens(), "the input is the prompt");
    }

    @Test
    void embeddingsAnswerWithVectorsAndPromptUsageOnly() throws Exception {
        int mark = simulator.exchangeCount();
        HttpResponse<String> response = post("/api/v1/embeddings",
                "{\"model\":\"openai/text-embedding-3-small\",\"input\":[\"order 48213\",\"late delivery\"]}");

        assertEquals(200, response.statusCode());
        Map<String, Object> json = JsonReader.parseObject(response.body());
        assertEquals("list", json.get("object"));
        Map<?, ?> data = (Map<?, ?>) ((List<?>) json.get("data")).get(0);
        assertEquals("embedding", data.get("object"));
        assertEquals(ResponsesAndEmbeddingsJson.EMBEDDING_DIMENSIONS, ((List<?>) data.get("embedding")).size());
        Map<?, ?> usage = (Map<?, ?>) json.get("usage");
        assertEquals(usage.get("prompt_tokens"), usage.get("total_tokens"));

        ResponseFacts facts = simulator.exchangesSince(mark).get(0).response().facts();
        assertEquals(json.get("id"), facts.generationId());
        assertEquals("OpenAI", facts.provider());
        assertEquals(((BigDecimal) usage.get("prompt_tokens")).intValue(), facts.promptTokens());
        assertNull(facts.completionTokens());
        assertNull(facts.completionText());
        assertEquals(0, ((BigDecimal) usage.get("cost")).compareTo(facts.cost()));
    }

    @Test
    void aRateLimitThatLiftsAtOnceSaysRetryAfterZeroOnEveryEndpoint() throws Exception {
        for (String path : List.of("/api/v1/chat/completions", "/api/v1/responses", "/api/v1/embeddings")) {
            String body = path.endsWith("completions")
                    ? "{\"model\":\"sim/error-429-retry-now\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"
                    : "{\"model\":\"sim/error-429-retry-now\",\"input\":\"hi\"}";
            HttpResponse<String> response = post(path, body);
            assertEquals(429, response.statusCode(), path);
            assertEquals("0", response.headers().firstValue("Retry-After").orElseThrow(), path);
            assertTrue(response.body().contains("\"code\":429"), response.body());
        }
        HttpResponse<String> classic = post("/api/v1/chat/completions",
                "{\"model\":\"sim/error-429\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertEquals("7", classic.headers().firstValue("Retry-After").orElseThrow(), "sim/error-429 is unchanged");
    }

    @Test
    void theSlowStreamPausesAfterItsFirstEventOnly() {
        byte[] body = "{\"model\":\"sim/stream-slow\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        PlannedReply reply = new ReplyPlanner().plan(new ReceivedRequest("POST", "/api/v1/chat/completions", null,
                Map.of("Content-Type", List.of("application/json")), body));
        assertTrue(reply.chunked());
        List<ReplyPart> parts = reply.parts();
        int first = 0;
        while (!new String(parts.get(first).bytes(), java.nio.charset.StandardCharsets.UTF_8).startsWith("data: ")) {
            first++;
        }
        java.time.Duration gap = java.time.Duration.ofMillis(SimulatedBehaviour.SLOW_EVENT_GAP_MILLIS);
        for (int i = 0; i <= first; i++) {
            assertTrue(parts.get(i).delayBefore().compareTo(gap) < 0, "part " + i + " comes at the usual pace");
        }
        for (int i = first + 1; i < parts.size(); i++) {
            assertEquals(gap, parts.get(i).delayBefore(), "part " + i + " comes after the slow gap");
        }
        assertEquals("data: [DONE]\n\n", new String(parts.get(parts.size() - 1).bytes(),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void theSameRequestGetsTheSameAnswer() throws Exception {
        String body = "{\"model\":\"openai/gpt-4o-mini\",\"input\":\"Where is order 48213?\"}";
        assertEquals(post("/api/v1/responses", body).body(), post("/api/v1/responses", body).body());
        String embed = "{\"model\":\"openai/text-embedding-3-small\",\"input\":\"late delivery\"}";
        assertEquals(post("/api/v1/embeddings", embed).body(), post("/api/v1/embeddings", embed).body());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
