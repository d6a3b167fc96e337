package io.openrouteraudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.openrouteraudit.capture.Exchange;
import io.openrouteraudit.config.ContentMode;
import io.openrouteraudit.config.LogLevel;
import io.openrouteraudit.diag.AgentLog;
import io.openrouteraudit.pipeline.AuditPipeline;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelemetrySinkOrderTest {

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final AgentLog log = new AgentLog(LogLevel.WARN, s -> s, new PrintStream(stderr, true, StandardCharsets.UTF_8));

    @Test
    void theJournalGetsTheSpanIdsAndTheExportGetsTheRecordTheJournalGot() {
        List<AuditRecord> journaled = new ArrayList<>();
        List<AuditRecord> submitted = new ArrayList<>();
        TelemetrySink telemetry = new TelemetrySink() {
            @Override
            public AuditRecord identify(AuditRecord record, Exchange exchange) {
                return record.withSpan("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331");
            }

            @Override
            public void submit(AuditRecord record, Exchange exchange) {
                submitted.add(record);
            }
        };
        AuditPipeline pipeline = new AuditPipeline(TestExchanges.assembler(ContentMode.NONE),
                List.of(journaled::add), telemetry, () -> true, log);

        pipeline.accept(TestExchanges.completed(TestExchanges.CHAT_REQUEST, null, TestExchanges.CHAT_RESPONSE));

        assertEquals(1, journaled.size());
        assertEquals("0af7651916cd43dd8448eb211c80319c", journaled.get(0).traceId());
        assertEquals("b7ad6b7169203331", journaled.get(0).spanId());
        assertSame(journaled.get(0), submitted.get(0));
    }

    @Test
    void aFailingExportNeitherStopsTheJournalNorReachesTheCaller() {
        List<AuditRecord> journaled = new ArrayList<>();
        TelemetrySink broken = new TelemetrySink() {
            @Override
            public AuditRecord identify(AuditRecord record, Exchange exchange) {
                throw new IllegalStateException("broken ids");
            }

            @Override
            public void submit(AuditRecord record, Exchange exchange) {
                throw new IllegalStateException("broken queue");
            }
        };
        AuditPipeline pipeline = new AuditPipeline(TestExchanges.assembler(ContentMode.NONE),
                List.of(journaled::add), broken, () -> true, log);

        pipeline.accept(TestExchanges.completed(TestExchanges.CHAT_REQUEST, null, TestExchanges.CHAT_RESPONSE));
        pipeline.accept(TestExchanges.completed(TestExchanges.CHAT_REQUEST, null, TestExchanges.CHAT_RESPONSE));

        assertEquals(2, journaled.size());
        assertEquals(null, journaled.get(0).spanId(), "without ids rather than without a record");
        assertEquals(2, stderr.toString(StandardCharsets.UTF_8).lines().count(), "one line per problem, once");
    }
}
