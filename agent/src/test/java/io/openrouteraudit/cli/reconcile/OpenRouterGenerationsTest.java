package io.openrouteraudit.cli.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openrouteraudit.cli.reconcile.FakeOpenRouter.Reply;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lookup against a local server, with the waits recorded instead of slept. */
class OpenRouterGenerationsTest {

    private static final String KEY = "sk-or-v1-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final String ID = "gen-1766107352-qwhPp17HeXK7ivKFmPFa";

    private final FakeOpenRouter server = FakeOpenRouter.start();
    private final List<Duration> slept = Collections.synchronizedList(new ArrayList<>());
    private final OpenRouterGenerations generations =
            new OpenRouterGenerations(OpenRouterGenerations.baseUrl(server.baseUrl()), KEY, slept::add);
    private final BackoffPolicy policy = BackoffPolicy.standard(Duration.ofSeconds(10));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void earlyNotFoundIsRetriedWithBackoffUntilTheGenerationAppears() throws Exception {
        server.script(ID, Reply.of(404), Reply.of(404), Reply.generation(ID, "openai/gpt-4o", "OpenAI", 0.00321, 18, 1067));

        LookupOutcome outcome = generations.lookup(ID, policy);

        LookupOutcome.Found found = assertInstanceOf(LookupOutcome.Found.class, outcome);
        assertEquals(3, found.attempts());
        assertEquals(new GenerationStats(ID, "openai/gpt-4o", "OpenAI", 0.00321, 18L, 1067L, 18L, 1067L), found.stats());
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(1000)), slept);
        for (FakeOpenRouter.Lookup lookup : server.lookups()) {
            assertEquals("/api/v1/generation", lookup.path());
            assertEquals(ID, lookup.id());
            assertEquals("Bearer " + KEY, lookup.authorization());
        }
    }

    @Test
    void stillNotFoundAfterTheBudgetIsUnknown() throws Exception {
        LookupOutcome outcome = generations.lookup("gen-never-served", policy);

        LookupOutcome.NotFound notFound = assertInstanceOf(LookupOutcome.NotFound.class, outcome);
        assertEquals(6, notFound.attempts());
        assertEquals(Duration.ofSeconds(10), notFound.waited());
        assertEquals(policy.schedule(), slept);
        assertEquals(6, server.lookupsOf("gen-never-served"));
    }

    @Test
    void rateLimitAndServerErrorsAreRetriedHonouringRetryAfter() throws Exception {
        server.script(ID, Reply.of(429).withHeader("Retry-After", "3"), Reply.of(503),
                Reply.generation(ID, "openai/gpt-4o", "OpenAI", 0.1, 1, 2));

        assertInstanceOf(LookupOutcome.Found.class, generations.lookup(ID, policy));
        assertEquals(List.of(Duration.ofSeconds(3), Duration.ofMillis(1000)), slept);
    }

    @Test
    void rateLimitLongerThanTheBudgetStopsWithOneLine() {
        server.script(ID, Reply.of(429).withHeader("Retry-After", "120"));

        ReconcileException e = assertThrows(ReconcileException.class, () -> generations.lookup(ID, policy));
        assertTrue(e.getMessage().contains("HTTP 429"), e.getMessage());
        assertTrue(e.getMessage().contains("120 s"), e.getMessage());
        assertEquals(List.of(), slept, "did not wait past its budget");
    }

    @Test
    void persistentServerErrorStopsAfterTheSchedule() {
        server.script(ID, Reply.of(502));

        ReconcileException e = assertThrows(ReconcileException.class, () -> generations.lookup(ID, policy));
        assertTrue(e.getMessage().contains("HTTP 502") && e.getMessage().contains("6 attempts"), e.getMessage());
        assertEquals(6, server.lookupsOf(ID));
    }

    @Test
    void aRefusedKeyStopsAtOnceWithoutTheKey() {
        server.script(ID, new Reply(401, "{\"error\":{\"code\":401,\"message\":\"bad key " + KEY + "\"}}",
                java.util.Map.of()));

        ReconcileException e = assertThrows(ReconcileException.class, () -> generations.lookup(ID, policy));
        assertTrue(e.getMessage().contains("refused the key in OPENROUTER_API_KEY (HTTP 401"), e.getMessage());
        assertFalse(e.getMessage().contains(KEY), "the key is never printed");
        assertFalse(e.getMessage().contains(KEY.substring(10)), "nor a part of it");
        assertEquals(1, server.lookupsOf(ID));
    }

    @Test
    void anUnreadableAnswerStops() {
        server.script(ID, new Reply(200, "<html>maintenance</html>", java.util.Map.of()));

        ReconcileException e = assertThrows(ReconcileException.class, () -> generations.lookup(ID, policy));
        assertTrue(e.getMessage().contains("unreadably"), e.getMessage());
    }

    @Test
    void anUnreachableServerStopsAtOnce() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        OpenRouterGenerations nowhere = new OpenRouterGenerations(
                OpenRouterGenerations.baseUrl("http://127.0.0.1:" + closedPort), KEY, slept::add);

        ReconcileException e = assertThrows(ReconcileException.class, () -> nowhere.lookup(ID, policy));
        assertTrue(e.getMessage().startsWith("cannot reach http://127.0.0.1:" + closedPort), e.getMessage());
        assertEquals(List.of(), slept);
    }

    @Test
    void baseUrlIsNormalisedAndPlainHttpOnlyGoesToLoopback() {
        assertEquals(URI.create("https://openrouter.ai"), OpenRouterGenerations.baseUrl("https://openrouter.ai/"));
        assertEquals(URI.create("https://openrouter.ai"), OpenRouterGenerations.baseUrl("https://openrouter.ai/api/v1/"));
        assertEquals(URI.create("https://proxy.example/openrouter"),
                OpenRouterGenerations.baseUrl("https://proxy.example/openrouter"));
        assertEquals(URI.create("http://localhost:8080"), OpenRouterGenerations.baseUrl("http://localhost:8080"));
        assertThrows(IllegalArgumentException.class, () -> OpenRouterGenerations.baseUrl("http://openrouter.ai"));
        assertThrows(IllegalArgumentException.class, () -> OpenRouterGenerations.baseUrl("ftp://openrouter.ai"));
        assertThrows(IllegalArgumentException.class, () -> OpenRouterGenerations.baseUrl("openrouter.ai"));
        assertThrows(IllegalArgumentException.class, () -> OpenRouterGenerations.baseUrl("https://openrouter.ai/?x=1"));
        assertThrows(IllegalArgumentException.class, () -> OpenRouterGenerations.baseUrl("https://a b"));
    }

    @Test
    void generationIdsAreEncodedIntoTheQuery() {
        assertEquals(URI.create(server.baseUrl() + "/api/v1/generation?id=gen-a%26b%3Dc"),
                generations.lookupUri("gen-a&b=c"));
    }

    @Test
    void retryAfterReadsSecondsAndDates() {
        assertEquals(Duration.ofSeconds(7), OpenRouterGenerations.retryAfter(Optional.of("7")));
        assertEquals(null, OpenRouterGenerations.retryAfter(Optional.of("soon")));
        assertEquals(null, OpenRouterGenerations.retryAfter(Optional.empty()));
        assertEquals(Duration.ZERO, OpenRouterGenerations.retryAfter(Optional.of("Wed, 21 Oct 2015 07:28:00 GMT")));
    }
}
