package io.openrouteraudit.it;

import static io.openrouteraudit.it.JsonFields.text;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.openrouteraudit.sim.ChatRequest;
import io.openrouteraudit.sim.RecordedExchange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Pairs every audited exchange the simulator served with exactly one journal record, and
 * every record with exactly one exchange: by generation id when the record has the one the
 * simulator sent, otherwise (no response reached the client: a timeout, an error status) by
 * the requested model among the records without one. Retries of one request pair with its
 * records in any order, since they are alike. A second record for one exchange, or a record
 * for no exchange, fails with every record involved.
 */
final class RecordPairing {

    /** The call label every test prompt starts with ({@code ChatRequestBodies.userText}). */
    private static final Pattern LABEL = Pattern.compile("\\[([A-Za-z0-9-]+)\\] Please");

    private final Map<Integer, JsonNode> recordByExchangeIndex;
    /** What is wrong with the pairing for one exchange (several records, none), by exchange index. */
    private final Map<Integer, String> exchangeProblems;
    /** Records that audit no exchange, and the like. */
    private final List<String> problems;

    private RecordPairing(Map<Integer, JsonNode> recordByExchangeIndex, Map<Integer, String> exchangeProblems,
                          List<String> problems) {
        this.recordByExchangeIndex = recordByExchangeIndex;
        this.exchangeProblems = exchangeProblems;
        this.problems = problems;
    }

    static RecordPairing of(List<JsonNode> records, List<RecordedExchange> audited) {
        List<JsonNode> unused = new ArrayList<>(records);
        Map<Integer, JsonNode> paired = new LinkedHashMap<>();
        Map<Integer, String> exchangeProblems = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<RecordedExchange> byModel = new ArrayList<>();
        for (RecordedExchange exchange : audited) {
            String id = exchange.response().facts().generationId();
            List<JsonNode> withId = id == null ? List.of()
                    : records.stream().filter(r -> id.equals(text(r, "generation_id"))).toList();
            if (withId.size() > 1) {
                String problem = withId.size() + " records for the one exchange " + describe(exchange)
                        + " (SPEC §4: one record per HTTP exchange):\n" + summaries(withId);
                exchangeProblems.put(exchange.index(), problem);
                problems.add(problem);
                unused.removeAll(withId);
            } else if (withId.size() == 1) {
                paired.put(exchange.index(), withId.get(0));
                unused.remove(withId.get(0));
            } else {
                byModel.add(exchange);
            }
        }
        for (RecordedExchange exchange : byModel) {
            String model = ChatRequest.parse(exchange.request().body()).model();
            JsonNode record = unused.stream()
                    .filter(r -> model.equals(text(r, "model_requested"))
                            && text(r, "generation_id") == null)
                    .findFirst().orElse(null);
            if (record == null) {
                String problem = "no record for the exchange " + describe(exchange);
                exchangeProblems.put(exchange.index(), problem);
                problems.add(problem);
            } else {
                paired.put(exchange.index(), record);
                unused.remove(record);
            }
        }
        if (!unused.isEmpty()) {
            StringBuilder problem = new StringBuilder(unused.size() + " record(s) for no exchange the simulator"
                    + " served (SPEC §4: one record per HTTP exchange; a host not in hosts has none):");
            for (JsonNode extra : unused) {
                problem.append('\n').append(summary(extra));
                paired.values().stream()
                        .filter(r -> Objects.equals(text(r, "model_requested"), text(extra, "model_requested"))
                                && Objects.equals(text(r, "prompt_hash"), text(extra, "prompt_hash")))
                        .findFirst()
                        .ifPresent(twin -> problem.append("\n    a second record of the exchange already paired"
                                + " with seq ").append(twin.path("seq")).append(" (same model and prompt_hash)"));
            }
            problems.add(problem.toString());
        }
        return new RecordPairing(paired, exchangeProblems, problems);
    }

    /** The one record of this exchange; fails when it has several or none. */
    JsonNode recordOf(RecordedExchange exchange) {
        String problem = exchangeProblems.get(exchange.index());
        if (problem != null) {
            fail(problem);
        }
        JsonNode record = recordByExchangeIndex.get(exchange.index());
        if (record == null) {
            fail("no record paired with " + describe(exchange));
        }
        return record;
    }

    /** Every problem of the pairing: exchanges with several records or none, records with no exchange. */
    List<String> problems() {
        return problems;
    }

    /** The label of the call that sent this exchange's request, e.g. {@code okhttp-sync-execute}. */
    static String label(RecordedExchange exchange) {
        Matcher m = LABEL.matcher(exchange.request().bodyText());
        return m.find() ? m.group(1) : "(no label)";
    }

    static String describe(RecordedExchange exchange) {
        return label(exchange) + " (" + exchange.request().method() + " " + exchange.request().path() + ", model "
                + ChatRequest.parse(exchange.request().body()).model() + ", HTTP " + exchange.response().status()
                + ", generation " + exchange.response().facts().generationId() + ")";
    }

    /** The fields that tell records apart, one line each. */
    static String summaries(List<JsonNode> records) {
        return records.stream().map(RecordPairing::summary).collect(Collectors.joining("\n"));
    }

    static String summary(JsonNode r) {
        return "  seq " + r.path("seq") + " " + r.path("timestamp").asText() + " " + r.path("endpoint").asText()
                + " model " + r.path("model_requested").asText() + " status " + r.path("status").asText()
                + " http " + r.path("http_status") + " error_code " + r.path("error_code")
                + " generation " + r.path("generation_id").asText() + " latency_ms " + r.path("latency_ms")
                + " prompt_hash " + r.path("prompt_hash").asText().substring(0, Math.min(12,
                        r.path("prompt_hash").asText().length()));
    }
}
