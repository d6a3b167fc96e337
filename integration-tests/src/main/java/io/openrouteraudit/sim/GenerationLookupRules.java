package io.openrouteraudit.sim;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How the simulator's {@code GET /api/v1/generation?id=} departs from a plain lookup, for tests
 * of reconciliation: OpenRouter's early 404s (a generation is not found for its first few
 * lookups), planted differences (OpenRouter's account of one generation disagrees with what was
 * sent), and generations it has forgotten (404 for good). By default none of these apply.
 * Thread-safe.
 */
public final class GenerationLookupRules {

    private volatile int notFoundAtFirst;
    private final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> planted = new ConcurrentHashMap<>();
    private final Set<String> forgotten = ConcurrentHashMap.newKeySet();

    /** Every served generation answers 404 to its first {@code lookups} lookups, as OpenRouter does just after a call. */
    public GenerationLookupRules notFoundAtFirst(int lookups) {
        this.notFoundAtFirst = lookups;
        return this;
    }

    /**
     * The lookup of {@code generationId} reports {@code value} for the {@code data} member
     * {@code field} (e.g. {@code total_cost}) instead of what the simulator sent.
     */
    public GenerationLookupRules plant(String generationId, String field, Object value) {
        planted.computeIfAbsent(generationId, id -> new ConcurrentHashMap<>()).put(field, value);
        return this;
    }

    /** The lookup of {@code generationId} answers 404 for good, as for a generation OpenRouter does not know. */
    public GenerationLookupRules forget(String generationId) {
        forgotten.add(generationId);
        return this;
    }

    /** How many times {@code generationId} has been looked up. */
    public int lookupsOf(String generationId) {
        AtomicInteger count = lookups.get(generationId);
        return count == null ? 0 : count.get();
    }

    /** Counts this lookup of a served generation; true when it must still answer 404. */
    boolean answersNotFound(String generationId) {
        int nth = lookups.computeIfAbsent(generationId, id -> new AtomicInteger()).incrementAndGet();
        return forgotten.contains(generationId) || nth <= notFoundAtFirst;
    }

    /** Applies the planted differences of {@code generationId} to its {@code data} object. */
    void applyTo(String generationId, Map<String, Object> data) {
        Map<String, Object> differences = planted.get(generationId);
        if (differences != null) {
            data.putAll(differences);
        }
    }
}
