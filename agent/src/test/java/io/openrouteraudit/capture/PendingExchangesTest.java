package io.openrouteraudit.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PendingExchangesTest {

    private final CollectingSink sink = new CollectingSink();
    private final PendingExchanges pending = new PendingExchanges();

    private ExchangeRecorder begin() {
        return new ExchangeRecorder(ExchangeRecorderTest.start(), 1024, sink, pending);
    }

    private Map<Outcome, Integer> outcomes() {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        sink.exchanges.forEach(e -> counts.merge(e.outcome(), 1, Integer::sum));
        return counts;
    }

    @Test
    void shutdownEndsEveryOpenExchangeAsIncomplete() {
        ExchangeRecorder a = begin();
        ExchangeRecorder b = begin();
        ExchangeRecorder c = begin();
        a.responseHead(new ResponseHead(200, "text/event-stream", null, null));

        pending.endAllAsIncomplete();

        assertEquals(Map.of(Outcome.INCOMPLETE, 3), outcomes());
        assertTrue(a.hasEnded() && b.hasEnded() && c.hasEnded());
        assertEquals(0, pending.size());
        assertEquals(200, sink.exchanges.stream().filter(e -> e.response() != null).findFirst()
                .orElseThrow().response().status(), "what had arrived is kept");
    }

    @Test
    void exchangesThatAlreadyEndedAreNotEndedAgain() {
        ExchangeRecorder done = begin();
        ExchangeRecorder failed = begin();
        begin();
        done.complete();
        failed.fail(new IOException("reset"));
        assertEquals(1, pending.size());

        pending.endAllAsIncomplete();

        assertEquals(3, sink.exchanges.size());
        assertEquals(Map.of(Outcome.COMPLETED, 1, Outcome.FAILED, 1, Outcome.INCOMPLETE, 1), outcomes());
    }

    @Test
    void endingTwiceAtShutdownAddsNothing() {
        begin();
        begin();
        pending.endAllAsIncomplete();
        pending.endAllAsIncomplete();

        assertEquals(2, sink.exchanges.size());
        assertEquals(0, pending.size());
    }

    @Test
    void aCompletionAfterShutdownDoesNotProduceASecondExchange() {
        ExchangeRecorder late = begin();
        pending.endAllAsIncomplete();
        late.complete();

        assertEquals(1, sink.exchanges.size());
        assertEquals(Outcome.INCOMPLETE, sink.exchanges.get(0).outcome());
    }
}
