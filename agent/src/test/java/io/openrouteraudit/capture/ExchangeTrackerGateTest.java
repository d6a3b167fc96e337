package io.openrouteraudit.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@link ExchangeTracker#beginSending(RequestStart, byte[])}: what the request gate's verdict does to an exchange. */
class ExchangeTrackerGateTest {

    private static final String REFUSAL = "openrouter-audit: request blocked by policy (max-tokens); not sent";
    private static final byte[] BODY = "{\"model\":\"openai/gpt-4o\",\"messages\":[]}".getBytes(StandardCharsets.UTF_8);

    private final CollectingSink sink = new CollectingSink();

    /** A gate that answers {@code verdict} and remembers what it was shown. */
    private static final class FixedGate implements RequestGate {
        final GateVerdict verdict;
        final AtomicReference<byte[]> seen = new AtomicReference<>();
        final AtomicInteger calls = new AtomicInteger();

        FixedGate(GateVerdict verdict) {
            this.verdict = verdict;
        }

        @Override
        public boolean needsBody() {
            return true;
        }

        @Override
        public GateVerdict admit(RequestStart start, byte[] body) {
            seen.set(body);
            calls.incrementAndGet();
            return verdict;
        }
    }

    private ExchangeTracker tracker(RequestGate gate, int maxBytes) {
        return new ExchangeTracker(sink, maxBytes, CallerSpanSource.NONE, null, gate);
    }

    @Test
    void aRefusedRequestComesBackEndedAsBlockedWithItsBodyRecorded() {
        FixedGate gate = new FixedGate(new GateVerdict(List.of("max-tokens"), REFUSAL));
        ExchangeTracker tracker = tracker(gate, 1024);

        ExchangeRecorder recorder = tracker.beginSending(ExchangeRecorderTest.start(), BODY);

        assertSame(BODY, gate.seen.get());
        assertTrue(recorder.hasEnded());
        assertEquals(REFUSAL, recorder.refusal());
        assertEquals(1, sink.exchanges.size(), "exactly one record for the refused call");
        Exchange blocked = sink.exchanges.get(0);
        assertEquals(Outcome.BLOCKED, blocked.outcome());
        assertEquals("IOException", blocked.failureType());
        assertEquals(REFUSAL, blocked.failureMessage());
        assertEquals(List.of("max-tokens"), blocked.admissionViolations());
        assertArrayEquals(BODY, Arrays.copyOf(blocked.requestBody().bytes(), blocked.requestBody().length()),
                "the record shows what would have been sent");
        assertNull(blocked.response(), "nothing was sent, nothing came back");
        assertEquals(0, tracker.pending().size());
    }

    @Test
    void whatTheApplicationDoesWithARefusedRecorderAddsNoSecondRecord() {
        ExchangeRecorder recorder = tracker(new FixedGate(new GateVerdict(List.of("budget"), REFUSAL)), 1024)
                .beginSending(ExchangeRecorderTest.start(), null);

        recorder.fail(new java.io.IOException(REFUSAL));
        recorder.complete();

        assertEquals(1, sink.exchanges.size());
        assertEquals(Outcome.BLOCKED, sink.exchanges.get(0).outcome());
        assertEquals(0, sink.exchanges.get(0).requestBody().length(), "no body was read ahead");
    }

    @Test
    void aRefusedBodyLongerThanCaptureMaxBytesIsKeptTruncated() {
        ExchangeRecorder recorder = tracker(new FixedGate(new GateVerdict(List.of("zdr"), REFUSAL)), 8)
                .beginSending(ExchangeRecorderTest.start(), BODY);

        assertTrue(recorder.hasEnded());
        BodySnapshot kept = sink.exchanges.get(0).requestBody();
        assertEquals(8, kept.length());
        assertEquals(BODY.length, kept.totalBytes());
        assertTrue(kept.truncated());
    }

    @Test
    void aFlaggedRequestGoesOnAndItsRecordCarriesTheViolations() {
        ExchangeRecorder recorder = tracker(new FixedGate(new GateVerdict(List.of("budget"), null)), 1024)
                .beginSending(ExchangeRecorderTest.start(), BODY);

        assertFalse(recorder.hasEnded());
        assertNull(recorder.refusal());
        assertEquals(List.of(), sink.exchanges);
        assertEquals(0, recorder.requestBody().snapshot().length(),
                "a body let go is captured as the library sends it, not from the read-ahead");

        recorder.responseHead(new ResponseHead(200, "application/json", null, null));
        recorder.complete();

        assertEquals(1, sink.exchanges.size());
        assertEquals(Outcome.COMPLETED, sink.exchanges.get(0).outcome());
        assertEquals(List.of("budget"), sink.exchanges.get(0).admissionViolations());
    }

    @Test
    void aGateThatThrowsLetsTheRequestGo() {
        RequestGate broken = throwing(new IllegalStateException("policy bug"));
        ExchangeTracker tracker = tracker(broken, 1024);

        ExchangeRecorder recorder = tracker.beginSending(ExchangeRecorderTest.start(), BODY);

        assertFalse(recorder.hasEnded());
        assertNull(recorder.refusal());
        assertEquals(1, tracker.pending().size());
        recorder.complete();
        assertEquals(List.of(), sink.exchanges.get(0).admissionViolations());
    }

    @Test
    void aGateThatFailsWithAnErrorLetsTheRequestGoToo() {
        RequestGate broken = throwing(new NoClassDefFoundError("com/fasterxml/jackson/core/JsonFactory"));

        ExchangeRecorder recorder = tracker(broken, 1024).beginSending(ExchangeRecorderTest.start(), BODY);

        assertNull(recorder.refusal());
        assertFalse(recorder.hasEnded());
    }

    @Test
    void theTrackerAsksForBodiesOnlyWhenItsGateDoes() {
        assertTrue(tracker(new FixedGate(GateVerdict.GO), 1024).gateNeedsBody());
        assertFalse(new ExchangeTracker(sink, 1024).gateNeedsBody(), "no policy: no body is read ahead");
    }

    @Test
    void anExchangeThatAlreadyHappenedIsNeverJudged() {
        FixedGate gate = new FixedGate(new GateVerdict(List.of("budget"), "refused"));

        // A connection that failed before any request was written: recorded, not refused after the fact.
        ExchangeRecorder recorder = tracker(gate, 1024).begin(ExchangeRecorderTest.start());

        assertEquals(0, gate.calls.get());
        assertFalse(recorder.hasEnded());
        assertNull(recorder.refusal());
    }

    @Test
    void sendingWithoutABodyAsksTheGateWithoutOne() {
        FixedGate gate = new FixedGate(GateVerdict.GO);

        ExchangeRecorder recorder = tracker(gate, 1024).beginSending(ExchangeRecorderTest.start(), null);

        assertEquals(1, gate.calls.get(), "every request about to leave is judged, if only for the budget");
        assertNull(gate.seen.get());
        assertFalse(recorder.hasEnded());
    }

    /** A gate with a bug: it throws whatever it is given. */
    private static RequestGate throwing(Throwable failure) {
        return new RequestGate() {
            @Override
            public boolean needsBody() {
                return true;
            }

            @Override
            public GateVerdict admit(RequestStart start, byte[] body) {
                if (failure instanceof Error error) {
                    throw error;
                }
                throw (RuntimeException) failure;
            }
        };
    }
}
