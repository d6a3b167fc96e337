package io.openrouteraudit.sim;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;

/**
 * The values of one simulated generation, derived only from the request (its path and body
 * bytes): the same request always gets the same id, answer, usage and cost, whatever the
 * order or concurrency of the calls, so an application's output is reproducible run to run.
 */
public record GenerationPlan(String id, long created, String modelUsed, String provider, String answer,
                             int promptTokens, int completionTokens, int reasoningTokens, int cachedTokens,
                             BigDecimal cost, String finishReason) {

    /** A prompt holding this is answered with everything after it (the privacy test's planted secrets). */
    public static final String ECHO_MARKER = "Repeat after me:";

    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final BigDecimal PROMPT_PRICE = new BigDecimal("0.00000015");
    private static final BigDecimal COMPLETION_PRICE = new BigDecimal("0.0000006");

    private static final List<String> ANSWERS = List.of(
            "Thanks for reaching out. I checked the order and a replacement is already on its way to you.",
            "I am sorry about the delay. The parcel left our warehouse this morning and should arrive within two days.",
            "Paris is the capital of France, and it has been for most of the last thousand years.",
            "An append-only journal with a hash chain proves that no recorded call was altered or removed afterwards.",
            "Here is a short reply you can send: we apologise for the trouble and have refunded the shipping fee.");

    /** Upstream provider display names, as OpenRouter sends them, by model id prefix. */
    private static final Map<String, String> PROVIDERS = Map.of(
            "google/", "Google",
            "openai/", "OpenAI",
            "anthropic/", "Anthropic",
            "meta-llama/", "DeepInfra",
            "deepseek/", "WandB",
            "mistralai/", "Mistral",
            "x-ai/", "xAI");

    public static GenerationPlan derive(ReceivedRequest received, ChatRequest request, String modelUsed) {
        byte[] digest = digest(received);
        long created = 1_766_000_000L + Integer.toUnsignedLong(readInt(digest, 0)) % 1_000_000L;
        StringBuilder id = new StringBuilder("gen-").append(created).append('-');
        for (int i = 4; i < 24; i++) {
            id.append(ID_ALPHABET.charAt((digest[i] & 0xFF) % ID_ALPHABET.length()));
        }
        String answer = ANSWERS.get((digest[24] & 0xFF) % ANSWERS.size());
        int echo = request.promptText().indexOf(ECHO_MARKER);
        if (echo >= 0) {
            // The privacy test's prompt: its secrets come back in the answer, and in a stream
            // are cut into two-word pieces, so some are split across events.
            answer = "Noted:" + request.promptText().substring(echo + ECHO_MARKER.length());
        }
        int words = answer.split(" ").length;
        int promptTokens = 7 + request.promptText().length() / 4;
        int reasoningTokens = digest[25] & 0x1F;
        int completionTokens = words + (words + 2) / 3 + reasoningTokens;
        String finishReason = "stop";
        if (request.maxTokens() != null && completionTokens > request.maxTokens()) {
            completionTokens = request.maxTokens();
            finishReason = "length";
        }
        int cachedTokens = Math.min(promptTokens, digest[26] & 0x0F);
        BigDecimal cost = PROMPT_PRICE.multiply(BigDecimal.valueOf(promptTokens))
                .add(COMPLETION_PRICE.multiply(BigDecimal.valueOf(completionTokens)))
                .stripTrailingZeros();
        return new GenerationPlan(id.toString(), created, modelUsed, providerOf(modelUsed), answer,
                promptTokens, completionTokens, reasoningTokens, cachedTokens, cost, finishReason);
    }

    /** The same generation with another assistant text (usage unchanged). */
    public GenerationPlan withAnswer(String otherAnswer) {
        return new GenerationPlan(id, created, modelUsed, provider, otherAnswer, promptTokens, completionTokens,
                reasoningTokens, cachedTokens, cost, finishReason);
    }

    public int totalTokens() {
        return promptTokens + completionTokens;
    }

    public BigDecimal promptCost() {
        return PROMPT_PRICE.multiply(BigDecimal.valueOf(promptTokens)).stripTrailingZeros();
    }

    public BigDecimal completionCost() {
        return COMPLETION_PRICE.multiply(BigDecimal.valueOf(completionTokens)).stripTrailingZeros();
    }

    static String providerOf(String model) {
        return PROVIDERS.entrySet().stream()
                .filter(e -> model.startsWith(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("Together");
    }

    private static byte[] digest(ReceivedRequest received) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(received.path().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(received.body());
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int readInt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) << 24 | (bytes[offset + 1] & 0xFF) << 16
                | (bytes[offset + 2] & 0xFF) << 8 | (bytes[offset + 3] & 0xFF);
    }
}
