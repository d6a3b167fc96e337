package io.openrouteraudit.apps;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A service with its own OpenTelemetry SDK (another version than the agent's, never global):
 * each support ticket is handled inside a span of its own, and each ticket asks OpenRouter for
 * a reply through the JDK HttpClient, every second one streamed. It prints each answer's size,
 * and the ids of its ticket spans on lines of their own ({@code span <n> <trace> <span>}).
 *
 * <p>Usage: {@code TracedChatApp <baseUrl> <tickets>}.
 */
public final class TracedChatApp {

    static final String USER = "ticket-user-7";

    private TracedChatApp() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: TracedChatApp <baseUrl> <tickets>");
            System.exit(2);
        }
        URI endpoint = URI.create(args[0] + "/api/v1/chat/completions");
        int tickets = Integer.parseInt(args[1]);
        OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().build())
                .build();
        Tracer tracer = otel.getTracer("support-desk", "2.3");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        for (int i = 1; i <= tickets; i++) {
            Span ticket = tracer.spanBuilder("handle-ticket").startSpan();
            try (Scope ignored = ticket.makeCurrent()) {
                SpanContext ids = ticket.getSpanContext();
                System.out.println("span " + i + " " + ids.getTraceId() + " " + ids.getSpanId());
                boolean stream = i % 2 == 0;
                HttpResponse<String> response = client.send(request(endpoint, i, stream),
                        HttpResponse.BodyHandlers.ofString());
                System.out.println("ticket " + i + ": HTTP " + response.statusCode() + ", "
                        + (stream ? "streamed" : "whole") + " answer of " + response.body().length() + " chars");
            } finally {
                ticket.end();
            }
        }
        otel.close();
        System.out.println("done");
    }

    private static HttpRequest request(URI endpoint, int ticket, boolean stream) {
        String body = "{\"model\":\"" + (stream ? Models.GEMINI_FLASH : Models.GPT_4O_MINI) + "\","
                + "\"messages\":[{\"role\":\"system\",\"content\":\"You are a concise customer-support assistant.\"},"
                + "{\"role\":\"user\",\"content\":\"" + ChatRequestBodies.userText("ticket-" + ticket) + "\"}],"
                + "\"max_tokens\":64,\"temperature\":0.2,\"top_p\":0.9,\"user\":\"" + USER + "\""
                + (stream ? ",\"stream\":true" : "") + "}";
        return HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + ClientIdentity.API_KEY)
                .header("X-Title", ClientIdentity.X_TITLE)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
