package io.openrouteraudit.cli.stats;

import io.openrouteraudit.journal.StoredRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The figures of one group of records, kept as running sums (and a fixed-size latency histogram),
 * so its memory does not grow with the number of records.
 *
 * <ul>
 *   <li>requests: records in the group;</li>
 *   <li>errors: records whose {@code status} is not {@code success} ({@link StoredRecord#isError()});</li>
 *   <li>prompt and completion tokens: sums, a record without them adds 0;</li>
 *   <li>cost: the exact decimal sum of {@code total_cost} (USD), a record without one adds 0;</li>
 *   <li>latency percentiles over the records that have a {@code latency_ms}
 *       (precision: {@link LatencyHistogram}).</li>
 * </ul>
 */
public final class GroupStats {

    /** How a {@code null} group key is shown. */
    public static final String NONE = "(none)";

    private final String key;
    private long requests;
    private long errors;
    private long promptTokens;
    private long completionTokens;
    private long withCost;
    private BigDecimal cost = BigDecimal.ZERO;
    private final LatencyHistogram latency = new LatencyHistogram();

    /** An empty group; {@code key} may be {@code null}. */
    public GroupStats(String key) {
        this.key = key;
    }

    public void add(StoredRecord r) {
        requests++;
        if (r.isError()) {
            errors++;
        }
        if (r.promptTokens() != null) {
            promptTokens += r.promptTokens();
        }
        if (r.completionTokens() != null) {
            completionTokens += r.completionTokens();
        }
        Double c = r.totalCost();
        if (c != null && Double.isFinite(c)) {
            // valueOf: the shortest decimal that reads back as the double, i.e. the stored text
            cost = cost.add(BigDecimal.valueOf(c));
            withCost++;
        }
        if (r.latencyMs() != null) {
            latency.add(r.latencyMs());
        }
    }

    /** The group key, {@code null} for records without one. */
    public String key() {
        return key;
    }

    /** The key as shown: {@value #NONE} for {@code null}. */
    public String label() {
        return key == null ? NONE : key;
    }

    public long requests() {
        return requests;
    }

    public long errors() {
        return errors;
    }

    /** {@code 100 * errors / requests}; 0 for an empty group. */
    public double errorPercent() {
        return requests == 0 ? 0 : 100.0 * errors / requests;
    }

    /** {@link #errorPercent()} rounded half-up to {@code decimals} places. */
    public BigDecimal errorPercent(int decimals) {
        if (requests == 0) {
            return BigDecimal.ZERO.setScale(decimals);
        }
        return BigDecimal.valueOf(errors).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(requests), decimals, RoundingMode.HALF_UP);
    }

    public long promptTokens() {
        return promptTokens;
    }

    public long completionTokens() {
        return completionTokens;
    }

    /** USD, the exact sum of the group's {@code total_cost} values. */
    public BigDecimal cost() {
        return cost;
    }

    /** Records that had a {@code total_cost}. */
    public long recordsWithCost() {
        return withCost;
    }

    /** The latency histogram of the records that have a {@code latency_ms}. */
    public LatencyHistogram latency() {
        return latency;
    }

    /** Median {@code latency_ms}, {@code null} when no record has one. */
    public Long p50LatencyMs() {
        return latency.percentile(50);
    }

    /** 95th percentile {@code latency_ms}, {@code null} when no record has one. */
    public Long p95LatencyMs() {
        return latency.percentile(95);
    }
}
