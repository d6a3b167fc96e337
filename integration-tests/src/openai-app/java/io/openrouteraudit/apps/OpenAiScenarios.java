package io.openrouteraudit.apps;

import com.openai.core.JsonValue;
import com.openai.core.http.AsyncStreamResponse;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.completions.CompletionUsage;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.Embedding;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseOutputItem;
import com.openai.models.responses.ResponseOutputMessage;
import io.openrouteraudit.sim.SimulatedBehaviour;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** What an OpenRouter application does with the OpenAI Java SDK. */
final class OpenAiScenarios {

    static final String EMBEDDING_MODEL = "openai/text-embedding-3-small";
    static final List<String> FALLBACK_MODELS =
            List.of(SimulatedBehaviour.FALLBACK.modelId(), Models.MISTRAL_SMALL, Models.GPT_4O_MINI);

    private OpenAiScenarios() {
    }

    static void register(Map<String, OpenAiScenario> scenarios) {
        scenarios.put("chat-create", c -> create(c, Models.GPT_4O_MINI, "sdk-chat-create"));
        scenarios.put("chat-create-streaming", c -> streaming(c, Models.DEEPSEEK_CHAT, "sdk-chat-create-streaming"));
        scenarios.put("chat-streaming-usage-empty-choices", c -> streaming(c,
                SimulatedBehaviour.STREAM_USAGE_EMPTY_CHOICES.modelId(), "sdk-chat-streaming-usage-empty-choices"));
        scenarios.put("chat-streaming-first-chunk-only", OpenAiScenarios::firstChunkOnly);
        scenarios.put("async-in-flight", OpenAiScenarios::asyncInFlight);
        scenarios.put("fallback", OpenAiScenarios::fallback);
        scenarios.put("rate-limited-retried", c -> create(c, SimulatedBehaviour.ERROR_429_RETRY_NOW.modelId(),
                "sdk-rate-limited-retried"));
        scenarios.put("error-402", c -> create(c, SimulatedBehaviour.ERROR_402.modelId(), "sdk-error-402"));
        scenarios.put("midstream-error", c -> streaming(c, SimulatedBehaviour.STREAM_MIDSTREAM_ERROR.modelId(),
                "sdk-midstream-error"));
        scenarios.put("responses-create", OpenAiScenarios::responsesCreate);
        scenarios.put("embeddings-create", OpenAiScenarios::embeddingsCreate);
        scenarios.put("not-audited-host", OpenAiScenarios::notAuditedHost);
    }

    /**
     * Hostile servers, run only when named: a stream whose connection is cut, and a connection
     * reset in the middle of a JSON body.
     */
    static void registerHostile(Map<String, OpenAiScenario> scenarios) {
        scenarios.put("stream-cut", c -> streaming(c, SimulatedBehaviour.STREAM_CUT.modelId(), "sdk-stream-cut"));
        scenarios.put("reset", c -> create(c, SimulatedBehaviour.RESET.modelId(), "sdk-reset"));
    }

    static ChatCompletionCreateParams chat(String model, String label) {
        return chatBuilder(model, label).build();
    }

    @SuppressWarnings("deprecation") // max_tokens: what OpenRouter applications send, and what the audit records
    private static ChatCompletionCreateParams.Builder chatBuilder(String model, String label) {
        return ChatCompletionCreateParams.builder()
                .model(model)
                .addSystemMessage("You are a concise customer-support assistant.")
                .addUserMessage(ChatRequestBodies.userText(label))
                .maxTokens(ChatRequestBodies.DEFAULT_MAX_TOKENS)
                .temperature(0.2);
    }

    private static void create(OpenAiContext c, String model, String label) {
        print(c.transcript(), c.sync().chat().completions().create(chat(model, label)));
    }

    /** {@code createStreaming}, iterated to its end (the SDK reads the whole stream). */
    private static void streaming(OpenAiContext c, String model, String label) {
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = c.sync().chat().completions()
                .createStreaming(chat(model, label))) {
            stream.stream().forEach(chunks::add);
        } catch (RuntimeException e) {
            printChunks(c.transcript(), chunks);
            c.transcript().note("the stream failed after " + chunks.size() + " chunks");
            throw e;
        }
        printChunks(c.transcript(), chunks);
    }

    /** Takes the first chunk and closes the stream: the rest is never read. */
    private static void firstChunkOnly(OpenAiContext c) {
        try (StreamResponse<ChatCompletionChunk> stream = c.sync().chat().completions()
                .createStreaming(chat(Models.CLAUDE_HAIKU, "sdk-chat-streaming-first-chunk-only"))) {
            Optional<ChatCompletionChunk> first = stream.stream().findFirst();
            c.transcript().note("first chunk: " + first.map(OpenAiScenarios::describe).orElse("none"));
        }
        c.transcript().note("stream closed after the first chunk");
    }

    /** Three creates and one createStreaming on the async client, all in flight at once, printed in order. */
    private static void asyncInFlight(OpenAiContext c) throws Exception {
        List<String> models = List.of(Models.GEMINI_FLASH, Models.CLAUDE_HAIKU, Models.LLAMA_70B);
        List<CompletableFuture<ChatCompletion>> calls = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            calls.add(c.async().chat().completions().create(chat(models.get(i), "sdk-async-" + (i + 1))));
        }
        List<ChatCompletionChunk> chunks = java.util.Collections.synchronizedList(new ArrayList<>());
        AsyncStreamResponse<ChatCompletionChunk> stream = c.async().chat().completions()
                .createStreaming(chat(Models.MISTRAL_SMALL, "sdk-async-stream"));
        stream.subscribe(chunks::add);
        for (int i = 0; i < calls.size(); i++) {
            c.transcript().note("-- async create " + models.get(i));
            try {
                print(c.transcript(), calls.get(i).get(30, TimeUnit.SECONDS));
            } catch (java.util.concurrent.ExecutionException e) {
                OpenAiSdkApp.failure(c.transcript(), e);
            }
        }
        c.transcript().note("-- async createStreaming " + Models.MISTRAL_SMALL);
        try {
            stream.onCompleteFuture().get(30, TimeUnit.SECONDS);
            printChunks(c.transcript(), chunks);
        } catch (java.util.concurrent.ExecutionException e) {
            OpenAiSdkApp.failure(c.transcript(), e);
        }
    }

    /** OpenRouter's {@code models} fallback list, an extra body property for the SDK. */
    private static void fallback(OpenAiContext c) {
        ChatCompletionCreateParams params = chatBuilder(FALLBACK_MODELS.get(0), "sdk-fallback")
                .putAdditionalBodyProperty("models", JsonValue.from(FALLBACK_MODELS))
                .build();
        print(c.transcript(), c.sync().chat().completions().create(params));
    }

    private static void responsesCreate(OpenAiContext c) {
        Response response = c.sync().responses().create(ResponseCreateParams.builder()
                .model(Models.GPT_4O_MINI)
                .input(ChatRequestBodies.userText("sdk-responses-create"))
                .build());
        Transcript t = c.transcript();
        t.note("response id " + response.id() + " model " + response.model() + " status "
                + response.status().map(Object::toString).orElse("none"));
        for (ResponseOutputItem item : response.output()) {
            Optional<ResponseOutputMessage> message = item.message();
            if (message.isPresent()) {
                for (ResponseOutputMessage.Content content : message.get().content()) {
                    t.note("output text: " + content.outputText().map(o -> o.text()).orElse("(not text)"));
                }
            } else {
                t.note("output item that is not a message");
            }
        }
        response.usage().ifPresent(u -> t.note("usage input " + u.inputTokens() + " output " + u.outputTokens()
                + " total " + u.totalTokens() + " cost " + u._additionalProperties().get("cost")));
    }

    private static void embeddingsCreate(OpenAiContext c) {
        CreateEmbeddingResponse response = c.sync().embeddings().create(EmbeddingCreateParams.builder()
                .model(EMBEDDING_MODEL)
                .input(ChatRequestBodies.userText("sdk-embeddings-create"))
                .build());
        Transcript t = c.transcript();
        t.note("embeddings model " + response.model() + " provider "
                + response._additionalProperties().get("provider") + ", " + response.data().size() + " vector(s)");
        for (Embedding embedding : response.data()) {
            List<? extends Number> vector = embedding.embedding();
            t.note("vector " + embedding.index() + ": " + vector.size() + " dimensions, first "
                    + (vector.isEmpty() ? "none" : vector.get(0).toString()));
        }
        t.note("usage prompt " + response.usage().promptTokens() + " total " + response.usage().totalTokens()
                + " cost " + response.usage()._additionalProperties().get("cost"));
    }

    private static void notAuditedHost(OpenAiContext c) {
        print(c.transcript(), c.notAudited().chat().completions().create(chat(Models.CLAUDE_HAIKU,
                "sdk-not-audited-host")));
    }

    private static void print(Transcript t, ChatCompletion completion) {
        t.note("completion id " + completion.id() + " model " + completion.model() + " provider "
                + completion._additionalProperties().get("provider"));
        for (ChatCompletion.Choice choice : completion.choices()) {
            t.note("choice finish_reason " + choice.finishReason() + ": "
                    + choice.message().content().orElse("(no content)"));
        }
        completion.usage().ifPresent(u -> t.note(usage(u)));
    }

    private static void printChunks(Transcript t, List<ChatCompletionChunk> chunks) {
        StringBuilder text = new StringBuilder();
        List<String> finishReasons = new ArrayList<>();
        String usage = "no usage";
        String ids = "";
        for (ChatCompletionChunk chunk : chunks) {
            ids = chunk.id() + " model " + chunk.model();
            for (ChatCompletionChunk.Choice choice : chunk.choices()) {
                choice.delta().content().ifPresent(text::append);
                choice.finishReason().ifPresent(r -> finishReasons.add(r.toString()));
            }
            if (chunk.usage().isPresent()) {
                usage = usage(chunk.usage().get());
            }
        }
        t.note(chunks.size() + " chunks, last id " + ids);
        t.note("streamed text: " + text);
        t.note("finish reasons " + finishReasons);
        t.note(usage);
    }

    private static String describe(ChatCompletionChunk chunk) {
        StringBuilder text = new StringBuilder();
        chunk.choices().forEach(choice -> choice.delta().content().ifPresent(text::append));
        return chunk.id() + " \"" + text + "\"";
    }

    private static String usage(CompletionUsage u) {
        return "usage prompt " + u.promptTokens() + " completion " + u.completionTokens() + " total "
                + u.totalTokens() + " cost " + u._additionalProperties().get("cost");
    }
}
