package io.openrouteraudit.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExchangeRecorderTest {

    static RequestStart start() {
        return new RequestStart("jdk-httpclient", "POST", "https", "openrouter.ai", 443,
                "/api/v1/chat/completions", Instant.parse("2026-11-23T10:15:30.123Z"), System.nanoTime(),
                "sk-or-v1-secret", null, null, null, null);
    }

    private final CollectingSink sink = new CollectingSink();
    private final PendingExchanges pending = new PendingExchanges();
    private ExecutorService pool;

    @AfterEach
    void stopPool() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    private ExchangeRecorder recorder() {
        return new ExchangeRecorder(start(), 1024, sink, pending);
    }

    /** Reads the bodies during accept only, as the audit pipeline does, so the arrays are reused. */
    static final class ParsingSink implements ExchangeSink {
        final List<String> bodies = new CopyOnWriteArrayList<>();
        final List<byte[]> arrays = new CopyOnWriteArrayList<>();

        @Override
        public void accept(Exchange exchange) {
            BodySnapshot body = exchange.responseBody();
            bodies.add(new String(body.bytes(), 0, body.length(), StandardCharsets.UTF_8));
            arrays.add(body.bytes());
        }

        @Override
        public boolean canRecord() {
            return true;
        }

        @Override
        public boolean keepsBodies() {
            return false;
        }
    }

    @Test
    void aSinkThatKeepsNoBodiesGetsTheCaptureArraysReusedAcrossExchanges() {
        ParsingSink parsing = new ParsingSink();
        CaptureBufferPool buffers = new CaptureBufferPool(8);
        ExchangeRecorder first = new ExchangeRecorder(start(), 64 * 1024, parsing, pending, null, List.of(), buffers);
        first.responseBody().append("{\"id\":\"gen-1\"}".getBytes(StandardCharsets.UTF_8), 0, 14);
        first.complete();
        first.responseBody().append("after the end".getBytes(StandardCharsets.UTF_8), 0, 13);

        ExchangeRecorder second = new ExchangeRecorder(start(), 64 * 1024, parsing, pending, null, List.of(), buffers);
        second.responseBody().append("{\"id\":\"gen-2\"}".getBytes(StandardCharsets.UTF_8), 0, 14);
        second.complete();

        assertEquals(List.of("{\"id\":\"gen-1\"}", "{\"id\":\"gen-2\"}"), parsing.bodies);
        assertSame(parsing.arrays.get(0), parsing.arrays.get(1));
    }

    @Test
    void aSinkThatKeepsBodiesNeverSeesThemReused() {
        CaptureBufferPool buffers = new CaptureBufferPool(8);
        ExchangeRecorder first = new ExchangeRecorder(start(), 64 * 1024, sink, pending, null, List.of(), buffers);
        first.responseBody().append("one".getBytes(StandardCharsets.UTF_8), 0, 3);
        first.complete();
        ExchangeRecorder second = new ExchangeRecorder(start(), 64 * 1024, sink, pending, null, List.of(), buffers);
        second.responseBody().append("two".getBytes(StandardCharsets.UTF_8), 0, 3);
        second.complete();
        BodySnapshot kept = sink.exchanges.get(0).responseBody();
        assertEquals("one", new String(kept.bytes(), 0, kept.length(), StandardCharsets.UTF_8));
        assertFalse(kept.bytes() == sink.exchanges.get(1).responseBody().bytes());
    }

    @Test
    void completedExchangeCarriesHeadBodiesAndOutcome() {
        ExchangeRecorder r = recorder();
        r.requestBody().append(ByteBuffer.wrap("{\"model\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
        r.responseHead(new ResponseHead(200, "application/json", null, "gen-1"));
        r.responseBody().append("{\"id\":\"gen-1\"}".getBytes(StandardCharsets.UTF_8), 0, 14);
        assertFalse(r.hasEnded());

        r.complete();

        assertTrue(r.hasEnded());
        assertEquals(1, sink.exchanges.size());
        Exchange e = sink.exchanges.get(0);
        assertEquals(Outcome.COMPLETED, e.outcome());
        assertSame(r.start(), e.request());
        assertEquals(200, e.response().status());
        assertEquals("{\"model\":\"x\"}", new String(e.requestBody().bytes(), 0, e.requestBody().length(),
                StandardCharsets.UTF_8));
        assertEquals("{\"id\":\"gen-1\"}", new String(e.responseBody().bytes(), 0, e.responseBody().length(),
                StandardCharsets.UTF_8));
        assertNull(e.failureType());
        assertTrue(e.latencyNanos() >= 0);
    }

    @Test
    void endsExactlyOnceWithTheFirstOutcome() {
        ExchangeRecorder r = recorder();
        r.complete();
        r.fail(new IOException("late error"));
        r.cancel();
        r.abandon();
        r.block("late block");

        assertEquals(1, sink.exchanges.size());
        assertEquals(Outcome.COMPLETED, sink.exchanges.get(0).outcome());
        assertNull(sink.exchanges.get(0).failureType());
    }

    @Test
    void aFailureFirstIsNotOverwrittenByALaterCompletion() {
        ExchangeRecorder r = recorder();
        r.fail(new ConnectException("Connection refused"));
        r.complete();
        r.cancel();

        assertEquals(1, sink.exchanges.size());
        Exchange e = sink.exchanges.get(0);
        assertEquals(Outcome.FAILED, e.outcome());
        assertEquals("ConnectException", e.failureType());
        assertEquals("Connection refused", e.failureMessage());
    }

    private Exchange failWith(Throwable thrown) {
        recorder().fail(thrown);
        assertEquals(1, sink.exchanges.size());
        return sink.exchanges.get(0);
    }

    @Test
    void cancellationExceptionMeansCancelled() {
        Exchange e = failWith(new CancellationException());
        assertEquals(Outcome.CANCELLED, e.outcome());
        assertEquals("CancellationException", e.failureType());
    }

    @Test
    void jdkHttpTimeoutMeansTimeout() {
        Exchange e = failWith(new HttpTimeoutException("request timed out"));
        assertEquals(Outcome.TIMEOUT, e.outcome());
        assertEquals("HttpTimeoutException", e.failureType());
    }

    @Test
    void jdkConnectTimeoutMeansTimeout() {
        Exchange e = failWith(new HttpConnectTimeoutException("HTTP connect timed out"));
        assertEquals(Outcome.TIMEOUT, e.outcome());
        assertEquals("HttpConnectTimeoutException", e.failureType());
    }

    @Test
    void socketTimeoutMeansTimeout() {
        Exchange e = failWith(new SocketTimeoutException("Read timed out"));
        assertEquals(Outcome.TIMEOUT, e.outcome());
        assertEquals("SocketTimeoutException", e.failureType());
    }

    @Test
    void concurrentTimeoutExceptionMeansTimeout() {
        Exchange e = failWith(new TimeoutException());
        assertEquals(Outcome.TIMEOUT, e.outcome());
    }

    @Test
    void okHttpStyleInterruptedIoTimeoutMeansTimeout() {
        Exchange e = failWith(new InterruptedIOException("timeout"));
        assertEquals(Outcome.TIMEOUT, e.outcome());
        assertEquals("InterruptedIOException", e.failureType());
    }

    @Test
    void otherIoErrorsMeanFailed() {
        Exchange e = failWith(new IOException("connection reset"));
        assertEquals(Outcome.FAILED, e.outcome());
        assertEquals("IOException", e.failureType());
        assertEquals("connection reset", e.failureMessage());
    }

    @Test
    void completionExceptionIsUnwrappedToItsCause() {
        Exchange e = failWith(new CompletionException(new ConnectException("Connection refused")));
        assertEquals(Outcome.FAILED, e.outcome());
        assertEquals("ConnectException", e.failureType());
        assertEquals("Connection refused", e.failureMessage());
    }

    @Test
    void completionExceptionAroundATimeoutIsATimeout() {
        Exchange e = failWith(new CompletionException(new HttpTimeoutException("request timed out")));
        assertEquals(Outcome.TIMEOUT, e.outcome());
        assertEquals("HttpTimeoutException", e.failureType());
    }

    @Test
    void executionExceptionAroundACancellationIsCancelled() {
        Exchange e = failWith(new ExecutionException(new CancellationException("cancelled")));
        assertEquals(Outcome.CANCELLED, e.outcome());
        assertEquals("CancellationException", e.failureType());
    }

    @Test
    void nestedWrappersAreAllUnwrapped() {
        Exchange e = failWith(new CompletionException(new ExecutionException(
                new CompletionException(new SocketTimeoutException("Read timed out")))));
        assertEquals(Outcome.TIMEOUT, e.outcome());
        assertEquals("SocketTimeoutException", e.failureType());
    }

    @Test
    void cancelAbandonAndBlockGiveTheirOutcomes() {
        recorder().cancel();
        recorder().abandon();
        recorder().block("model not allowed");

        assertEquals(3, sink.exchanges.size());
        assertEquals(Outcome.CANCELLED, sink.exchanges.get(0).outcome());
        assertEquals(Outcome.INCOMPLETE, sink.exchanges.get(1).outcome());
        Exchange blocked = sink.exchanges.get(2);
        assertEquals(Outcome.BLOCKED, blocked.outcome());
        assertEquals("IOException", blocked.failureType());
        assertEquals("model not allowed", blocked.failureMessage());
    }

    private static final String STREAM_BODY = "data: {\"id\":\"gen-1\",\"choices\":[{\"index\":0,"
            + "\"delta\":{\"content\":\"Madrid\"},\"finish_reason\":\"stop\"}]}\n\n";

    private static void feed(ExchangeRecorder r, String... chunks) {
        for (String c : chunks) {
            r.responseBody().append(ByteBuffer.wrap(c.getBytes(StandardCharsets.US_ASCII)));
        }
    }

    @Test
    void cancelAfterEveryDeclaredByteArrivedIsACompletedExchange() {
        ExchangeRecorder r = recorder();
        String body = "{\"id\":\"gen-1\"}";
        r.responseHead(new ResponseHead(200, "application/json", null, null, body.length()));
        feed(r, body.substring(0, 5), body.substring(5));
        r.cancel();
        assertEquals(Outcome.COMPLETED, sink.exchanges.get(0).outcome());
    }

    @Test
    void cancelBeforeTheDeclaredLengthArrivedIsCancelled() {
        ExchangeRecorder r = recorder();
        r.responseHead(new ResponseHead(200, "application/json", null, null, 500));
        feed(r, "{\"id\":\"gen-1\",");
        r.cancel();
        assertEquals(Outcome.CANCELLED, sink.exchanges.get(0).outcome());
    }

    @Test
    void cancelAfterTheStreamsDoneMarkerIsACompletedExchange() {
        ExchangeRecorder r = recorder();
        r.responseHead(new ResponseHead(200, "text/event-stream", null, null));
        feed(r, STREAM_BODY, "data: [DO", "NE]\n\n");
        r.cancel();
        assertEquals(Outcome.COMPLETED, sink.exchanges.get(0).outcome());
    }

    @Test
    void cancelInTheMiddleOfAStreamIsCancelled() {
        ExchangeRecorder r = recorder();
        r.responseHead(new ResponseHead(200, "text/event-stream", null, null));
        feed(r, ": OPENROUTER PROCESSING\n\n", STREAM_BODY);
        r.cancel();
        assertEquals(Outcome.CANCELLED, sink.exchanges.get(0).outcome());
    }

    @Test
    void doneMarkerIsRecognisedWhenTheStreamIsLongerThanMaxBytes() {
        ExchangeRecorder r = new ExchangeRecorder(start(), 16, sink, pending);
        r.responseHead(new ResponseHead(200, "text/event-stream", null, null));
        feed(r, STREAM_BODY, STREAM_BODY, "data: [DONE]\r\n\r\n");
        r.cancel();
        Exchange e = sink.exchanges.get(0);
        assertEquals(Outcome.COMPLETED, e.outcome());
        assertTrue(e.responseBody().truncated());
    }

    @Test
    void doneMarkerWithoutTheOptionalSpaceAlsoEndsTheStream() {
        // SSE: "data:[DONE]" and "data: [DONE]" are the same event (one leading space is
        // optional), and the agent's own SseEventParser treats them alike.
        ExchangeRecorder r = recorder();
        r.responseHead(new ResponseHead(200, "text/event-stream", null, null));
        feed(r, STREAM_BODY, "data:[DONE]\n\n");
        r.cancel();
        assertEquals(Outcome.COMPLETED, sink.exchanges.get(0).outcome());
    }

    @Test
    void anEndedExchangeLeavesThePendingSet() {
        ExchangeRecorder a = recorder();
        ExchangeRecorder b = recorder();
        assertEquals(2, pending.size());
        a.complete();
        assertEquals(1, pending.size());
        b.fail(new IOException("x"));
        assertEquals(0, pending.size());
    }

    @Test
    void eightThreadsRacingToEndOneExchangeProduceExactlyOneExchange() throws Exception {
        int threads = 8;
        pool = Executors.newFixedThreadPool(threads);
        for (int round = 0; round < 300; round++) {
            CollectingSink roundSink = new CollectingSink();
            PendingExchanges roundPending = new PendingExchanges();
            ExchangeRecorder r = new ExchangeRecorder(start(), 64, roundSink, roundPending);
            CyclicBarrier gate = new CyclicBarrier(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int which = t;
                futures.add(pool.submit(() -> {
                    gate.await(10, TimeUnit.SECONDS);
                    switch (which % 4) {
                        case 0 -> r.complete();
                        case 1 -> r.fail(new IOException("boom"));
                        case 2 -> r.fail(new CompletionException(new HttpTimeoutException("t")));
                        default -> r.cancel();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(10, TimeUnit.SECONDS);
            }
            assertEquals(1, roundSink.exchanges.size(), "round " + round);
            assertEquals(0, roundPending.size(), "round " + round);
            assertTrue(r.hasEnded());
        }
    }

    @Test
    void trackerBeginsRecordersThatShareItsPendingSet() {
        ExchangeTracker tracker = new ExchangeTracker(sink, 4);
        ExchangeRecorder r = tracker.begin(start());
        assertEquals(1, tracker.pending().size());
        assertTrue(tracker.canRecord());
        r.responseBody().append("0123456789".getBytes(StandardCharsets.US_ASCII), 0, 10);
        tracker.pending().endAllAsIncomplete();

        assertEquals(0, tracker.pending().size());
        Exchange e = sink.exchanges.get(0);
        assertEquals(Outcome.INCOMPLETE, e.outcome());
        assertEquals(4, e.responseBody().length(), "the tracker's max-bytes bounds each body");
        assertTrue(e.responseBody().truncated());
    }

    /** Counts releases; what the tracker's cleaner registration does when the exchange ends first. */
    private static final class CountingGuard implements java.lang.ref.Cleaner.Cleanable {
        int cleaned;

        @Override
        public void clean() {
            cleaned++;
        }
    }

    @Test
    void theUnreadGuardIsReleasedWhenTheExchangeEndsWhicheverComesFirst() {
        ExchangeRecorder endsAfter = recorder();
        CountingGuard early = new CountingGuard();
        endsAfter.guardUnread(early);
        assertEquals(0, early.cleaned);
        endsAfter.complete();
        assertEquals(1, early.cleaned);
        endsAfter.abandon();
        assertEquals(1, early.cleaned, "ending again releases nothing more");

        ExchangeRecorder endedBefore = recorder();
        endedBefore.complete();
        CountingGuard late = new CountingGuard();
        endedBefore.guardUnread(late);
        assertEquals(1, late.cleaned);
    }

    @Test
    void startNeverPrintsTheBearerToken() {
        assertFalse(start().toString().contains("sk-or-v1-secret"));
    }
}
