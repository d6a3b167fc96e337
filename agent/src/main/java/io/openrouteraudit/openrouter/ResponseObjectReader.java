package io.openrouteraudit.openrouter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * Reads one top-level response object into the accumulator: a whole JSON body or one stream
 * event. Besides chat/completions (choices), it understands the other OpenRouter endpoints'
 * shapes: the Responses API ({@code output[]}, and its stream events with {@code type},
 * {@code delta} and a nested {@code response}) and the Anthropic-format messages endpoint
 * ({@code content[]}, {@code stop_reason}, stream events with a nested {@code message} or an
 * object {@code delta}). Unknown members are skipped without being materialised.
 */
final class ResponseObjectReader {

    private ResponseObjectReader() {
    }

    /** Reads the object whose START_OBJECT is the current token, up to its END_OBJECT. */
    static void read(JsonParser p, ResponseAccumulator acc) throws IOException {
        String type = null;
        String deltaString = null;
        while (JsonValues.nextField(p)) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                // Every stream chunk repeats these and the first wins: later copies are skipped
                // undecoded, which spares three strings per chunk.
                case "id" -> {
                    if (acc.hasGenerationId()) {
                        p.skipChildren();
                    } else {
                        acc.generationId(JsonValues.text(p));
                    }
                }
                case "model" -> {
                    if (acc.hasModelUsed()) {
                        p.skipChildren();
                    } else {
                        acc.modelUsed(JsonValues.text(p));
                    }
                }
                case "provider" -> {
                    if (acc.hasProvider()) {
                        p.skipChildren();
                    } else {
                        acc.provider(JsonValues.text(p));
                    }
                }
                case "usage" -> UsageReader.read(p, acc);
                case "error" -> {
                    ErrorReader.ErrorInfo error = ErrorReader.read(p);
                    if (error != null) {
                        acc.topLevelError(error);
                    }
                }
                case "choices" -> ChoiceReader.read(p, acc);
                case "output" -> readOutputItems(p, acc);
                case "content" -> acc.appendFullText(ContentParts.partsText(p, "text"));
                case "stop_reason" -> acc.finishReason(JsonValues.text(p));
                case "type" -> type = JsonValues.text(p);
                case "delta" -> {
                    if (p.currentToken() == JsonToken.VALUE_STRING) {
                        deltaString = p.getText();
                    } else {
                        readBlockDelta(p, acc);
                    }
                }
                // Responses stream events wrap the response object; Anthropic's message_start
                // wraps the message object. Both carry id, model and usage.
                case "response", "message" -> {
                    if (JsonValues.isObject(p)) {
                        read(p, acc);
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        applyEventDelta(type, deltaString, acc);
    }

    /** A Responses API stream delta is a string whose meaning depends on the event type. */
    private static void applyEventDelta(String type, String delta, ResponseAccumulator acc) {
        if (delta == null || type == null) {
            return;
        }
        if (type.equals("response.output_text.delta")) {
            acc.appendDelta(delta);
        } else if (type.startsWith("response.reasoning")) {
            acc.reasoningDelta(delta);
        }
    }

    /** Anthropic-format delta: {"type":"text_delta","text":..}, thinking, or {"stop_reason":..}. */
    private static void readBlockDelta(JsonParser p, ResponseAccumulator acc) throws IOException {
        if (!JsonValues.isObject(p)) {
            p.skipChildren();
            return;
        }
        while (JsonValues.nextField(p)) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "text" -> acc.appendDelta(JsonValues.text(p));
                case "thinking" -> acc.reasoningDelta(JsonValues.text(p));
                case "stop_reason" -> acc.finishReason(JsonValues.text(p));
                default -> p.skipChildren();
            }
        }
    }

    /** Responses API {@code output[]}: the output_text parts of message items are the text. */
    private static void readOutputItems(JsonParser p, ResponseAccumulator acc) throws IOException {
        if (!JsonValues.isArray(p)) {
            p.skipChildren();
            return;
        }
        while (JsonValues.nextElement(p)) {
            if (!JsonValues.isObject(p)) {
                p.skipChildren();
                continue;
            }
            while (JsonValues.nextField(p)) {
                String name = p.currentName();
                p.nextToken();
                if ("content".equals(name)) {
                    // Reasoning items carry reasoning_text parts; only output_text is the answer.
                    acc.appendFullText(ContentParts.partsText(p, "output_text"));
                } else {
                    p.skipChildren();
                }
            }
        }
    }
}
