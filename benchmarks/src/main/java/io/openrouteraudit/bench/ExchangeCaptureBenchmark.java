package io.openrouteraudit.bench;

import io.openrouteraudit.capture.BodySnapshot;
import io.openrouteraudit.capture.Exchange;
import io.openrouteraudit.capture.ExchangeRecorder;
import io.openrouteraudit.capture.ExchangeSink;
import io.openrouteraudit.capture.ExchangeTracker;
import io.openrouteraudit.capture.RequestStart;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * The capture side of one call: an exchange begun, a 300-byte request and the 1.5 KB completion
 * teed as the client reads them, ended and handed to a sink that reads the bodies there and
 * then (as the audit pipeline does). Parsing and the journal are measured elsewhere.
 */
public class ExchangeCaptureBenchmark extends PerCallBenchmark {

    private final byte[] request = ("{\"model\":\"google/gemini-3-flash-preview\",\"messages\":[{\"role\":\"user\","
            + "\"content\":\"" + "Summarise the ticket. ".repeat(10) + "\"}]}").getBytes(StandardCharsets.UTF_8);
    private final byte[] completion = CallLatencyApp.completionJson();
    private final ReadingSink sink = new ReadingSink();
    private final ExchangeTracker tracker = new ExchangeTracker(sink, 64 * 1024);
    private final RequestStart start = new RequestStart("jdk-httpclient", "POST", "http", "127.0.0.1", 8080,
            "/api/v1/chat/completions", Instant.now(), System.nanoTime(), null, null, null, null, null);

    @Benchmark
    public int captureOneCall() {
        ExchangeRecorder recorder = tracker.begin(start);
        recorder.requestBody().append(request, 0, request.length);
        // the client reads the body in two chunks
        int half = completion.length / 2;
        recorder.responseBody().append(completion, 0, half);
        recorder.responseBody().append(completion, half, completion.length - half);
        recorder.complete();
        return sink.lastLength;
    }

    /** Reads what it needs during accept and keeps no bytes. */
    static final class ReadingSink implements ExchangeSink {
        int lastLength;

        @Override
        public void accept(Exchange exchange) {
            BodySnapshot body = exchange.responseBody();
            lastLength = body.length() + body.bytes()[0];
        }

        @Override
        public boolean canRecord() {
            return true;
        }

        // Not @Override: the same source also builds against an agent without this method, for before/after figures.
        public boolean keepsBodies() {
            return false;
        }
    }
}
