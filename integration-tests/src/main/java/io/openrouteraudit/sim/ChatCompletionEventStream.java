package io.openrouteraudit.sim;

import static io.openrouteraudit.json.JsonWriter.object;

import io.openrouteraudit.json.JsonWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A completion as a server-sent-event stream, in the shapes of OPENROUTER.md: keep-alive
 * comments, content chunks two words at a time, a usage chunk in one of the two shapes seen
 * in the wild, then {@code data: [DONE]} — or a mid-stream error event, or no {@code [DONE]}.
 */
final class ChatCompletionEventStream {

    static final String KEEP_ALIVE = ": OPENROUTER PROCESSING\n\n";
    static final String DONE = "data: [DONE]\n\n";
    static final int MIDSTREAM_ERROR_CODE = 502;
    /** Content chunks sent before a mid-stream error. */
    static final int CHUNKS_BEFORE_ERROR = 2;

    private static final Duration THINKING = Duration.ofMillis(20);
    private static final Duration BETWEEN_EVENTS = Duration.ofMillis(3);

    enum UsageShape {
        /** A chunk with one choice whose delta is empty and {@code finish_reason: null}, plus usage. */
        OBSERVED,
        /** The documented final chunk: {@code "choices": []} plus usage with every detail. */
        EMPTY_CHOICES
    }

    /** {@code CUT}: the first content events only, after which the server drops the connection. */
    enum Ending { DONE, NO_DONE, MIDSTREAM_ERROR, CUT }

    private final GenerationPlan plan;
    private final boolean legacy;

    ChatCompletionEventStream(GenerationPlan plan, boolean legacy) {
        this.plan = plan;
        this.legacy = legacy;
    }

    /** The text the stream delivers before it ends, per ending. */
    String deliveredText(Ending ending) {
        List<String> pieces = pieces();
        boolean shortened = ending == Ending.MIDSTREAM_ERROR || ending == Ending.CUT;
        return String.join("", shortened ? pieces.subList(0, CHUNKS_BEFORE_ERROR) : pieces);
    }

    List<ReplyPart> parts(UsageShape usageShape, Ending ending) {
        List<ReplyPart> parts = new ArrayList<>();
        parts.add(ReplyPart.after(Duration.ZERO, KEEP_ALIVE));
        parts.add(ReplyPart.after(THINKING, KEEP_ALIVE));
        List<String> pieces = pieces();
        for (int i = 0; i < pieces.size(); i++) {
            if (ending == Ending.MIDSTREAM_ERROR && i == CHUNKS_BEFORE_ERROR) {
                parts.add(ReplyPart.after(BETWEEN_EVENTS, data(errorEvent())));
                return parts;
            }
            if (ending == Ending.CUT && i == CHUNKS_BEFORE_ERROR) {
                return parts;
            }
            boolean last = i == pieces.size() - 1;
            parts.add(ReplyPart.after(i == 0 ? THINKING : BETWEEN_EVENTS,
                    data(chunk(contentChoice(pieces.get(i), i == 0, last ? plan.finishReason() : null)))));
            if (i == 0) {
                // OpenRouter also sends keep-alives between events while the upstream is slow.
                parts.add(ReplyPart.after(BETWEEN_EVENTS, KEEP_ALIVE));
            }
        }
        parts.add(ReplyPart.after(BETWEEN_EVENTS, data(usageChunk(usageShape))));
        if (ending == Ending.DONE) {
            parts.add(ReplyPart.after(BETWEEN_EVENTS, DONE));
        }
        return parts;
    }

    /** The answer in pieces of two words, each piece but the first led by its space. */
    private List<String> pieces() {
        String[] words = plan.answer().split(" ");
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < words.length; i += 2) {
            String piece = (i == 0 ? "" : " ") + words[i] + (i + 1 < words.length ? " " + words[i + 1] : "");
            pieces.add(piece);
        }
        return pieces;
    }

    private Map<String, Object> contentChoice(String text, boolean first, String finishReason) {
        if (legacy) {
            return object("index", 0, "text", text, "finish_reason", finishReason, "logprobs", null);
        }
        Map<String, Object> delta = first ? object("role", "assistant", "content", text)
                : object("content", text);
        return object("index", 0, "delta", delta, "finish_reason", finishReason,
                "native_finish_reason", finishReason == null ? null : ChatCompletionJson.nativeFinishReason(plan));
    }

    private Map<String, Object> usageChunk(UsageShape shape) {
        Map<String, Object> chunk = chunk(null);
        if (shape == UsageShape.EMPTY_CHOICES) {
            chunk.put("choices", List.of());
            chunk.put("usage", ChatCompletionJson.detailedUsage(plan));
        } else {
            chunk.put("choices", List.of(legacy
                    ? object("index", 0, "text", "", "finish_reason", null)
                    : object("index", 0, "delta", object("role", "assistant", "content", ""), "finish_reason", null)));
            chunk.put("usage", ChatCompletionJson.basicUsage(plan));
        }
        return chunk;
    }

    private Map<String, Object> errorEvent() {
        return object("id", plan.id(), "object", chunkObject(), "model", plan.modelUsed(),
                "provider", plan.provider(),
                "error", object("code", MIDSTREAM_ERROR_CODE, "message", "Upstream provider disconnected",
                        "metadata", object("error_type", "provider_error")),
                "choices", List.of(legacy
                        ? object("index", 0, "text", "", "finish_reason", "error")
                        : object("index", 0, "delta", object("content", ""), "finish_reason", "error")));
    }

    private Map<String, Object> chunk(Map<String, Object> choice) {
        return object("id", plan.id(), "provider", plan.provider(), "model", plan.modelUsed(),
                "object", chunkObject(), "created", plan.created(),
                "choices", choice == null ? List.of() : List.of(choice));
    }

    private String chunkObject() {
        return legacy ? "text_completion" : "chat.completion.chunk";
    }

    private static String data(Map<String, Object> event) {
        return "data: " + JsonWriter.write(event) + "\n\n";
    }
}
