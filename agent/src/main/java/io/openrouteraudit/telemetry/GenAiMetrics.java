package io.openrouteraudit.telemetry;

import io.openrouteraudit.audit.AuditRecord;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleCounter;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import java.util.List;

/**
 * The GenAI client metrics (token usage, operation duration, time to first chunk of a stream)
 * with the conventions' bucket boundaries, and a cost counter in USD.
 */
final class GenAiMetrics {

    // GenAI semantic conventions, gen_ai.client.token.usage.
    static final List<Long> TOKEN_BUCKETS = List.of(1L, 4L, 16L, 64L, 256L, 1024L, 4096L, 16384L, 65536L,
            262144L, 1048576L, 4194304L, 16777216L, 67108864L);
    // GenAI semantic conventions, gen_ai.client.operation.duration and .time_to_first_chunk (seconds).
    static final List<Double> SECONDS_BUCKETS = List.of(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56,
            5.12, 10.24, 20.48, 40.96, 81.92);

    private final LongHistogram tokenUsage;
    private final DoubleHistogram duration;
    private final DoubleHistogram timeToFirstChunk;
    private final DoubleCounter cost;

    GenAiMetrics(Meter meter) {
        tokenUsage = meter.histogramBuilder("gen_ai.client.token.usage").ofLongs()
                .setUnit("{token}").setDescription("Number of input and output tokens used.")
                .setExplicitBucketBoundariesAdvice(TOKEN_BUCKETS).build();
        duration = meter.histogramBuilder("gen_ai.client.operation.duration")
                .setUnit("s").setDescription("GenAI operation duration.")
                .setExplicitBucketBoundariesAdvice(SECONDS_BUCKETS).build();
        timeToFirstChunk = meter.histogramBuilder("gen_ai.client.operation.time_to_first_chunk")
                .setUnit("s").setDescription("Time from the request to the first chunk of a streamed response.")
                .setExplicitBucketBoundariesAdvice(SECONDS_BUCKETS).build();
        cost = meter.counterBuilder("openrouter.client.cost").ofDoubles()
                .setUnit("USD").setDescription("Cost of the calls as OpenRouter reports it.").build();
    }

    void record(ExportJob job) {
        AuditRecord r = job.record();
        Attributes attributes = GenAiAttributes.metric(job);
        if (r.promptTokens() != null) {
            tokenUsage.record(r.promptTokens(), attributes.toBuilder()
                    .put(GenAiAttributes.TOKEN_TYPE, "input").build());
        }
        if (r.completionTokens() != null) {
            tokenUsage.record(r.completionTokens(), attributes.toBuilder()
                    .put(GenAiAttributes.TOKEN_TYPE, "output").build());
        }
        duration.record(job.durationNanos() / 1e9, attributes);
        if (r.stream() && r.ttftMs() != null) {
            timeToFirstChunk.record(r.ttftMs() / 1e3, attributes);
        }
        if (r.totalCost() != null && r.totalCost() > 0) {
            cost.add(r.totalCost(), attributes);
        }
    }
}
