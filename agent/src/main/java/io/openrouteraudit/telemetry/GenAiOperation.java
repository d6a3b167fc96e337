package io.openrouteraudit.telemetry;

/**
 * {@code gen_ai.operation.name} of an OpenRouter endpoint, per the GenAI semantic conventions'
 * well-known values; other endpoints are named by their last path segment.
 */
final class GenAiOperation {

    static final String CHAT = "chat";
    static final String TEXT_COMPLETION = "text_completion";
    static final String EMBEDDINGS = "embeddings";

    private GenAiOperation() {
    }

    static String of(String endpoint) {
        if (endpoint == null || endpoint.isEmpty()) {
            return "http";
        }
        String path = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        if (path.endsWith("/chat/completions") || path.endsWith("/responses") || path.endsWith("/messages")) {
            return CHAT;
        }
        if (path.endsWith("/completions")) {
            return TEXT_COMPLETION;
        }
        if (path.endsWith("/embeddings")) {
            return EMBEDDINGS;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isEmpty() ? "http" : last;
    }

    /** Whether Langfuse should show the span as a generation (it does so by itself for chat). */
    static boolean isGeneration(String operation) {
        return CHAT.equals(operation) || TEXT_COMPLETION.equals(operation);
    }

    /** {@code {gen_ai.operation.name} {gen_ai.request.model}}, or the operation alone. */
    static String spanName(String operation, String model) {
        return model == null || model.isEmpty() ? operation : operation + " " + model;
    }
}
