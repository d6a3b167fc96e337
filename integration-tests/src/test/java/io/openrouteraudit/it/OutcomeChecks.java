package io.openrouteraudit.it;

import static io.openrouteraudit.it.JsonFields.bool;
import static io.openrouteraudit.it.JsonFields.decimal;
import static io.openrouteraudit.it.JsonFields.integer;
import static io.openrouteraudit.it.JsonFields.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.openrouteraudit.sim.RecordedExchange;
import io.openrouteraudit.sim.ResponseFacts;
import java.math.BigDecimal;

/**
 * What the record of an exchange that did not simply run to the end of its body must say
 * (SPEC §4 status): a stream the application gave up, a body never read, a timeout, an error
 * response closed unread. The request side is checked as for every record.
 */
final class OutcomeChecks {

    private final RecordExpectations expectations;

    OutcomeChecks(RecordExpectations expectations) {
        this.expectations = expectations;
    }

    /** Closed after the first event, or Call.cancel() then: cancelled, with what had arrived by then. */
    void cancelledStream(JsonNode record, RecordedExchange exchange) {
        ResponseFacts sent = exchange.response().facts();
        String about = " — " + RecordPairing.label(exchange) + " " + record;
        expectations.assertRequestSide(record, exchange);
        assertEquals("cancelled", text(record, "status"), "status of a stream the application gave up" + about);
        assertEquals(200, integer(record, "http_status"), "http_status" + about);
        assertEquals(Boolean.TRUE, bool(record, "stream"), "stream" + about);
        assertEquals(sent.generationId(), text(record, "generation_id"), "generation_id of the first event" + about);
        assertEquals(sent.modelUsed(), text(record, "model_used"), "model_used of the first event" + about);
        assertEquals(sent.provider(), text(record, "provider"), "provider of the first event" + about);
        assertNull(integer(record, "prompt_tokens"), "usage never reached the application" + about);
        assertNull(decimal(record, "total_cost"), "usage never reached the application" + about);
        assertTtft(record, about);
    }

    /** A body the application never read nor closed: incomplete, recorded at shutdown, with what the head said. */
    void neverRead(JsonNode record, RecordedExchange exchange) {
        String about = " — " + RecordPairing.label(exchange) + " " + record;
        expectations.assertRequestSide(record, exchange);
        assertEquals("incomplete", text(record, "status"), "status of a response dropped unread" + about);
        assertEquals(200, integer(record, "http_status"), "http_status" + about);
        assertEquals(Boolean.FALSE, bool(record, "stream"), "stream" + about);
        assertEquals(exchange.response().headers().get("X-Generation-Id"), text(record, "generation_id"),
                "generation_id from the X-Generation-Id header" + about);
        assertNull(integer(record, "prompt_tokens"), "no usage was read" + about);
        assertNull(decimal(record, "total_cost"), "no usage was read" + about);
        assertNull(decimal(record, "ttft_ms"), "ttft_ms is for streams" + about);
    }

    /** No answer within the read timeout: timeout, named by the exception, no status. */
    void timedOut(JsonNode record, RecordedExchange exchange) {
        String about = " — " + RecordPairing.label(exchange) + " " + record;
        expectations.assertRequestSide(record, exchange);
        assertEquals("timeout", text(record, "status"), "status" + about);
        assertEquals("SocketTimeoutException", text(record, "error_code"), "error_code" + about);
        assertNull(integer(record, "http_status"), "no status arrived" + about);
        assertNull(text(record, "generation_id"), "no response arrived" + about);
    }

    /** An error status the application closed without reading the body: still an error, with its status. */
    void errorClosedUnread(JsonNode record, RecordedExchange exchange) {
        String about = " — " + RecordPairing.label(exchange) + " " + record;
        expectations.assertRequestSide(record, exchange);
        assertEquals(exchange.response().status(), integer(record, "http_status"), "http_status" + about);
        assertEquals("error", text(record, "status"), "status of an HTTP " + exchange.response().status()
                + " response, whether or not its body was read" + about);
        String code = text(record, "error_code");
        assertTrue(code == null || code.equals(Integer.toString(exchange.response().status())),
                "error_code, if any, is OpenRouter's code (= the HTTP status)" + about);
        assertNull(integer(record, "prompt_tokens"), about);
    }

    static void assertTtft(JsonNode record, String about) {
        BigDecimal ttft = decimal(record, "ttft_ms");
        BigDecimal latency = decimal(record, "latency_ms");
        assertTrue(ttft != null && ttft.signum() >= 0 && latency != null && ttft.compareTo(latency) <= 0,
                "ttft_ms of a stream whose content arrived, between 0 and latency_ms: " + about + " " + record);
    }
}
