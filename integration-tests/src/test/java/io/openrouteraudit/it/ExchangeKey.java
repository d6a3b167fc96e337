package io.openrouteraudit.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.openrouteraudit.sim.ChatRequest;
import io.openrouteraudit.sim.RecordedExchange;

/**
 * What pairs a journal record with the simulator exchange it audits: the generation id when
 * the response had one, otherwise the requested model (each scenario batch uses every id-less
 * model at most once, which the tests check).
 */
final class ExchangeKey {

    private ExchangeKey() {
    }

    static String of(RecordedExchange exchange) {
        String id = exchange.response().facts().generationId();
        return id != null ? "id " + id : "model " + ChatRequest.parse(exchange.request().body()).model();
    }

    static String of(JsonNode record) {
        String id = JsonFields.text(record, "generation_id");
        return id != null ? "id " + id : "model " + JsonFields.text(record, "model_requested");
    }
}
