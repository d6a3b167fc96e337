package io.openrouteraudit.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code stats --by G} must print, worked out by the test from the exported records alone: per
 * group key (null for records without one) the requests, errors (status other than success),
 * prompt and completion tokens, exact cost, and the nearest-rank p50 and p95 of latency_ms.
 */
final class ExpectedGroups {

    /** One group's figures. */
    record Figures(long requests, long errors, long promptTokens, long completionTokens, BigDecimal cost,
            List<Long> latencies) {

        Figures plus(JsonNode r) {
            List<Long> more = new ArrayList<>(latencies);
            Long latency = JsonFields.longValue(r, "latency_ms");
            if (latency != null) {
                more.add(latency);
            }
            BigDecimal recordCost = JsonFields.decimal(r, "total_cost");
            return new Figures(requests + 1, errors + ("success".equals(JsonFields.text(r, "status")) ? 0 : 1),
                    promptTokens + orZero(JsonFields.longValue(r, "prompt_tokens")),
                    completionTokens + orZero(JsonFields.longValue(r, "completion_tokens")),
                    recordCost == null ? cost : cost.add(recordCost), List.copyOf(more));
        }

        BigDecimal errorPercent(int decimals) {
            return BigDecimal.valueOf(100 * errors).divide(BigDecimal.valueOf(requests), decimals,
                    RoundingMode.HALF_UP);
        }

        /** Nearest rank: the ceil(p/100 * n)-th smallest latency. */
        long percentile(int p) {
            List<Long> sorted = latencies.stream().sorted().toList();
            int rank = (int) Math.ceil(p / 100.0 * sorted.size());
            return sorted.get(Math.max(rank, 1) - 1);
        }

        private static long orZero(Long value) {
            return value == null ? 0 : value;
        }
    }

    private static final Figures NONE = new Figures(0, 0, 0, 0, BigDecimal.ZERO, List.of());

    private ExpectedGroups() {
    }

    /** The group key of a record for {@code --by by}, as the stats help defines it. */
    static String keyOf(JsonNode r, String by) {
        return switch (by) {
            case "model" -> JsonFields.text(r, "model_used") != null ? JsonFields.text(r, "model_used")
                    : JsonFields.text(r, "model_requested");
            case "day" -> JsonFields.text(r, "timestamp").substring(0, "yyyy-MM-dd".length());
            case "user" -> JsonFields.text(r, "user_id");
            case "provider" -> JsonFields.text(r, "provider");
            case "key" -> JsonFields.text(r, "key_fingerprint");
            default -> throw new IllegalArgumentException(by);
        };
    }

    static Map<String, Figures> of(List<JsonNode> records, String by) {
        Map<String, Figures> groups = new LinkedHashMap<>();
        for (JsonNode r : records) {
            groups.merge(keyOf(r, by), NONE.plus(r), (a, b) -> a.plus(r));
        }
        return groups;
    }

    static Figures total(List<JsonNode> records) {
        Figures total = NONE;
        for (JsonNode r : records) {
            total = total.plus(r);
        }
        return total;
    }
}
