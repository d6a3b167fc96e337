package io.openrouteraudit.sim;

import io.openrouteraudit.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A well-formed completion of {@link SimulatedBehaviour#HUGE_BODY_BYTES} bytes: the JSON of a
 * normal completion whose assistant text is stretched with filler, sent as repeated parts so
 * that neither the simulator nor a test ever holds it whole.
 */
final class HugeCompletion {

    private static final String PLACEHOLDER = "@@filler@@";
    private static final int BLOCK = 64 * 1024;

    private HugeCompletion() {
    }

    static PlannedReply reply(GenerationPlan plan, boolean legacy) {
        GenerationPlan stretched = plan.withAnswer(PLACEHOLDER);
        String json = JsonWriter.write(ChatCompletionJson.completion(stretched, legacy));
        int at = json.indexOf(PLACEHOLDER);
        byte[] prefix = json.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] suffix = json.substring(at + PLACEHOLDER.length()).getBytes(StandardCharsets.UTF_8);
        long filler = SimulatedBehaviour.HUGE_BODY_BYTES - prefix.length - suffix.length;
        byte[] block = new byte[BLOCK];
        byte[] words = "all work and no play ".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < BLOCK; i++) {
            block[i] = words[i % words.length];
        }
        int blocks = (int) (filler / BLOCK);
        byte[] rest = Arrays.copyOf(block, (int) (filler % BLOCK));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Generation-Id", plan.id());
        ResponseFacts facts = new ResponseFacts(true, false, plan.id(), plan.modelUsed(), plan.provider(),
                plan.promptTokens(), plan.completionTokens(), plan.reasoningTokens(), plan.cachedTokens(),
                plan.cost(), plan.finishReason(), null, null);
        return new PlannedReply(200, headers, Duration.ofMillis(15), List.of(ReplyPart.now(prefix),
                new ReplyPart(Duration.ZERO, block, blocks), ReplyPart.now(rest), ReplyPart.now(suffix)),
                false, facts);
    }
}
