package io.openrouteraudit.sim;

import static io.openrouteraudit.json.JsonWriter.object;

import io.openrouteraudit.json.JsonWriter;
import io.openrouteraudit.sim.ChatCompletionEventStream.Ending;
import io.openrouteraudit.sim.ChatCompletionEventStream.UsageShape;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Decides the complete answer to a completion request from its path and body; pure and deterministic. */
final class ReplyPlanner {

    static final String CHAT_COMPLETIONS = "/api/v1/chat/completions";
    static final String COMPLETIONS = "/api/v1/completions";
    static final String RESPONSES = "/api/v1/responses";
    static final String EMBEDDINGS = "/api/v1/embeddings";
    static final String RETRY_AFTER_SECONDS = "7";
    static final String RETRY_NOW_SECONDS = "0";
    /** Model that serves a fallback request whose {@code models} list has no second entry. */
    static final String DEFAULT_FALLBACK_MODEL = "openai/gpt-4o-mini";

    /** A small pause before every non-stream answer, so concurrent calls really overlap. */
    private static final Duration SERVER_TIME = Duration.ofMillis(15);
    private static final String JSON = "application/json";

    PlannedReply plan(ReceivedRequest received) {
        boolean completionPath = CHAT_COMPLETIONS.equals(received.path()) || COMPLETIONS.equals(received.path())
                || RESPONSES.equals(received.path()) || EMBEDDINGS.equals(received.path());
        if (!completionPath) {
            return error(404, "Not Found", object());
        }
        if (!"POST".equals(received.method())) {
            return error(405, "Method Not Allowed", object());
        }
        ChatRequest request;
        try {
            request = ChatRequest.parse(received.body());
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage(), object());
        }
        SimulatedBehaviour behaviour = SimulatedBehaviour.forModel(request.model());
        PlannedReply openRouterError = openRouterError(behaviour);
        if (openRouterError != null) {
            return openRouterError;
        }
        if (RESPONSES.equals(received.path()) || EMBEDDINGS.equals(received.path())) {
            GenerationPlan plan = GenerationPlan.derive(received, request, request.model());
            return RESPONSES.equals(received.path())
                    ? jsonReply(200, plan, ResponsesAndEmbeddingsJson.response(plan), SERVER_TIME, false,
                            ResponsesAndEmbeddingsJson.responseFacts(plan))
                    : jsonReply(200, plan, ResponsesAndEmbeddingsJson.embeddings(plan), SERVER_TIME, false,
                            ResponsesAndEmbeddingsJson.embeddingsFacts(plan));
        }
        return planCompletion(received, request, COMPLETIONS.equals(received.path()));
    }

    /** The error answers chosen by model, the same on every endpoint; null for any other behaviour. */
    private static PlannedReply openRouterError(SimulatedBehaviour behaviour) {
        switch (behaviour) {
            case ERROR_402:
                return error(402, "Insufficient credits. Add more using https://openrouter.ai/settings/credits",
                        object());
            case ERROR_429:
                return withHeader(error(429, "Rate limit exceeded: too many requests",
                        object("error_type", "rate_limit_exceeded")), "Retry-After", RETRY_AFTER_SECONDS);
            case ERROR_429_RETRY_NOW:
                return withHeader(error(429, "Rate limit exceeded: too many requests",
                        object("error_type", "rate_limit_exceeded")), "Retry-After", RETRY_NOW_SECONDS);
            case ERROR_500:
                return error(500, "Internal Server Error", object());
            default:
                return null;
        }
    }

    private PlannedReply planCompletion(ReceivedRequest received, ChatRequest request, boolean legacy) {
        SimulatedBehaviour behaviour = SimulatedBehaviour.forModel(request.model());
        switch (behaviour) {
            case MALFORMED:
                return unreadable(JSON, "{\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                        + "\"message\":{\"role\":\"assistant\",\"content\":\"This answer was cut off in the midd");
            case HTML:
                return unreadable("text/html; charset=utf-8", "<!DOCTYPE html>\n<html><head><title>OpenRouter</title>"
                        + "</head>\n<body><h1>We'll be right back</h1><p>OpenRouter is briefly unavailable.</p>"
                        + "</body></html>\n");
            case EMPTY:
                return unreadable(JSON, "");
            default:
                break;
        }
        String modelUsed = request.model();
        if (behaviour == SimulatedBehaviour.FALLBACK) {
            modelUsed = request.models().size() > 1 ? request.models().get(1) : DEFAULT_FALLBACK_MODEL;
        }
        GenerationPlan plan = GenerationPlan.derive(received, request, modelUsed);
        Duration thinking = behaviour == SimulatedBehaviour.SLOW
                ? Duration.ofMillis(SimulatedBehaviour.SLOW_DELAY_MILLIS) : SERVER_TIME;
        if (behaviour == SimulatedBehaviour.PROVIDER_ERROR_200) {
            ResponseFacts facts = new ResponseFacts(true, false, plan.id(), plan.modelUsed(), plan.provider(),
                    plan.promptTokens(), 0, null, null, java.math.BigDecimal.ZERO, "error",
                    Integer.toString(ChatCompletionJson.PROVIDER_ERROR_CODE), "");
            return jsonReply(200, plan, ChatCompletionJson.providerFailure(plan), thinking, false, facts);
        }
        if (request.stream()) {
            PlannedReply stream = stream(plan, legacy, behaviour, thinking);
            int all = stream.parts().size();
            return behaviour == SimulatedBehaviour.RESET ? stream.withFault(ConnectionFault.resetAfter(all))
                    : behaviour == SimulatedBehaviour.STREAM_CUT ? stream.withFault(ConnectionFault.closeAfter(all))
                    : stream;
        }
        if (behaviour == SimulatedBehaviour.HUGE_BODY) {
            return HugeCompletion.reply(plan, legacy);
        }
        ResponseFacts facts = new ResponseFacts(true, false, plan.id(), plan.modelUsed(), plan.provider(),
                plan.promptTokens(), plan.completionTokens(), plan.reasoningTokens(), plan.cachedTokens(),
                plan.cost(), plan.finishReason(), null, plan.answer());
        PlannedReply completion = jsonReply(200, plan, ChatCompletionJson.completion(plan, legacy), thinking,
                behaviour == SimulatedBehaviour.GZIP, facts);
        return switch (behaviour) {
            case RESET -> inHalves(completion).withFault(ConnectionFault.resetAfter(1));
            case DRIP -> completion.withFault(ConnectionFault.DRIP);
            default -> completion;
        };
    }

    /**
     * The reply with its one body part in two halves, and the facts of what reaches the client
     * when only the first is sent: the head, no usable body.
     */
    private static PlannedReply inHalves(PlannedReply reply) {
        byte[] body = reply.parts().get(0).bytes();
        byte[] first = Arrays.copyOf(body, body.length / 2);
        byte[] second = Arrays.copyOfRange(body, body.length / 2, body.length);
        ResponseFacts cut = new ResponseFacts(true, false, reply.facts().generationId(), null, null, null, null,
                null, null, null, null, null, null);
        return new PlannedReply(reply.status(), reply.headers(), reply.delayBeforeHeaders(),
                List.of(ReplyPart.now(first), ReplyPart.now(second)), false, cut);
    }

    private static PlannedReply stream(GenerationPlan plan, boolean legacy, SimulatedBehaviour behaviour,
                                       Duration thinking) {
        UsageShape shape = behaviour == SimulatedBehaviour.STREAM_USAGE_EMPTY_CHOICES
                ? UsageShape.EMPTY_CHOICES : UsageShape.OBSERVED;
        Ending ending = switch (behaviour) {
            case STREAM_MIDSTREAM_ERROR -> Ending.MIDSTREAM_ERROR;
            case STREAM_CUT, RESET -> Ending.CUT;
            case STREAM_NO_DONE -> Ending.NO_DONE;
            default -> Ending.DONE;
        };
        ChatCompletionEventStream events = new ChatCompletionEventStream(plan, legacy);
        boolean detailed = shape == UsageShape.EMPTY_CHOICES;
        ResponseFacts facts = ending == Ending.CUT
                ? new ResponseFacts(true, true, plan.id(), plan.modelUsed(), plan.provider(), null, null, null,
                        null, null, null, null, events.deliveredText(ending))
                : ending == Ending.MIDSTREAM_ERROR
                ? new ResponseFacts(true, true, plan.id(), plan.modelUsed(), plan.provider(), null, null, null,
                        null, null, "error", Integer.toString(ChatCompletionEventStream.MIDSTREAM_ERROR_CODE),
                        events.deliveredText(ending))
                : new ResponseFacts(true, true, plan.id(), plan.modelUsed(), plan.provider(), plan.promptTokens(),
                        plan.completionTokens(), detailed ? plan.reasoningTokens() : null,
                        detailed ? plan.cachedTokens() : null, plan.cost(), plan.finishReason(), null,
                        events.deliveredText(ending));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/event-stream");
        headers.put("Cache-Control", "no-cache");
        headers.put("X-Generation-Id", plan.id());
        List<ReplyPart> parts = events.parts(shape, ending);
        if (behaviour == SimulatedBehaviour.STREAM_SLOW) {
            parts = slowAfterFirstEvent(parts);
        }
        return new PlannedReply(200, headers, thinking.dividedBy(3), parts, true, facts);
    }

    /** The same parts, each one after the first {@code data:} event delayed by the slow stream's gap. */
    private static List<ReplyPart> slowAfterFirstEvent(List<ReplyPart> parts) {
        Duration gap = Duration.ofMillis(SimulatedBehaviour.SLOW_EVENT_GAP_MILLIS);
        List<ReplyPart> slowed = new ArrayList<>();
        boolean afterFirstEvent = false;
        for (ReplyPart part : parts) {
            slowed.add(afterFirstEvent ? new ReplyPart(gap, part.bytes()) : part);
            afterFirstEvent |= new String(part.bytes(), StandardCharsets.UTF_8).startsWith("data: ");
        }
        return slowed;
    }

    private static PlannedReply jsonReply(int status, GenerationPlan plan, Map<String, Object> body,
                                          Duration thinking, boolean gzip, ResponseFacts facts) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", JSON);
        headers.put("X-Generation-Id", plan.id());
        byte[] bytes = JsonWriter.write(body).getBytes(StandardCharsets.UTF_8);
        if (gzip) {
            headers.put("Content-Encoding", "gzip");
            bytes = gzip(bytes);
        }
        return new PlannedReply(status, headers, thinking, List.of(ReplyPart.now(bytes)), false, facts);
    }

    static PlannedReply error(int code, String message, Map<String, Object> metadata) {
        byte[] body = JsonWriter.write(ChatCompletionJson.error(code, message, metadata))
                .getBytes(StandardCharsets.UTF_8);
        return new PlannedReply(code, Map.of("Content-Type", JSON), SERVER_TIME, List.of(ReplyPart.now(body)),
                false, ResponseFacts.httpError(code));
    }

    private static PlannedReply unreadable(String contentType, String body) {
        List<ReplyPart> parts = body.isEmpty() ? List.of()
                : List.of(ReplyPart.now(body.getBytes(StandardCharsets.UTF_8)));
        return new PlannedReply(200, Map.of("Content-Type", contentType), SERVER_TIME, parts, false,
                ResponseFacts.notWellFormed());
    }

    private static PlannedReply withHeader(PlannedReply reply, String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(reply.headers());
        headers.put(name, value);
        return new PlannedReply(reply.status(), headers, reply.delayBeforeHeaders(), reply.parts(), reply.chunked(),
                reply.facts());
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
