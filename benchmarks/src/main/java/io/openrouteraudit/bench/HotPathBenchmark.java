package io.openrouteraudit.bench;

import io.openrouteraudit.openrouter.ResponseFacts;
import io.openrouteraudit.openrouter.ResponseParser;
import io.openrouteraudit.redact.KeyedHasher;
import io.openrouteraudit.redact.RedactionResult;
import io.openrouteraudit.redact.Redactor;
import java.nio.charset.StandardCharsets;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * What the agent does per call besides the journal: parse the response (a 1.5 KB completion, or
 * a 200-chunk event stream), redact 2 KB of prompt text, and key-hash a body. Run with
 * {@code -prof gc} for allocation per operation.
 */
public class HotPathBenchmark extends PerCallBenchmark {

    private final ResponseParser parser = new ResponseParser();
    private final byte[] completion = CallLatencyApp.completionJson();
    private final byte[] stream = StreamBodies.chunks(200);
    private final Redactor redactor = Redactor.create("all", null, null);
    private final String prompt2k = promptText(2048);
    private final KeyedHasher hasher = new KeyedHasher("benchmark-key-0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    @Benchmark
    public ResponseFacts parseCompletion1k5() {
        return parser.parse(completion, 0, completion.length, "application/json", null);
    }

    @Benchmark
    public ResponseFacts parseStream200Chunks() {
        return parser.parse(stream, 0, stream.length, "text/event-stream", null);
    }

    @Benchmark
    public RedactionResult redact2k() {
        return redactor.redact(prompt2k);
    }

    @Benchmark
    public String hmacCompletion1k5() {
        return hasher.hmacHex(completion, 0, completion.length);
    }

    /** Support-ticket prose with a handful of things every built-in rule looks for. */
    static String promptText(int length) {
        String[] lines = {
            "Customer jane.doe@example.com called from +44 20 7946 0958 about invoice 4411. ",
            "She paid with card 4111 1111 1111 1111 and asked for a refund to DE89 3704 0044 0532 0130 00. ",
            "The ticket was escalated from 10.20.30.40 by the billing team on Tuesday afternoon. ",
            "Please summarise the conversation below in two sentences, without any personal data. ",
            "Agent notes: the plan change happened mid-cycle, so the pro-rata charge doubled once. ",
        };
        StringBuilder text = new StringBuilder(length + 128);
        for (int i = 0; text.length() < length; i++) {
            text.append(lines[i % lines.length]);
        }
        return text.substring(0, length);
    }
}
