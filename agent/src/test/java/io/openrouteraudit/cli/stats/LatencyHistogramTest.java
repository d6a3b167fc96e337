package io.openrouteraudit.cli.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    /** The precision documented in stats --help. */
    private static final double PRECISION = Double.parseDouble(LatencyHistogram.RELATIVE_ERROR_PERCENT) / 100;

    private static long exact(long[] sorted, double percent) {
        long rank = (long) Math.ceil(percent / 100 * sorted.length - 1e-9);
        return sorted[(int) Math.max(1, rank) - 1];
    }

    private static void assertWithinPrecision(long exact, long reported, String what) {
        if (exact < LatencyHistogram.EXACT_BELOW) {
            assertEquals(exact, reported, what);
        } else {
            assertTrue(Math.abs(reported - exact) <= PRECISION * exact,
                    what + ": reported " + reported + ", exact " + exact);
        }
    }

    @Test
    void everyPercentileOfAMillionLogNormalLatenciesIsWithinTheDocumentedPrecision() {
        Random random = new Random(7);
        long[] values = new long[1_000_000];
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.round(Math.exp(6.5 + 1.5 * random.nextGaussian())); // median ~665 ms, long tail
            h.add(values[i]);
        }
        Arrays.sort(values);
        for (double p : new double[] {0.1, 1, 5, 10, 25, 50, 75, 90, 95, 99, 99.9, 100}) {
            assertWithinPrecision(exact(values, p), h.percentile(p), "p" + p);
        }
        assertEquals(values.length, h.count());
        assertEquals(values[0], h.min());
        assertEquals(values[values.length - 1], h.max());
        assertEquals(values[values.length - 1], h.percentile(100), "p100 is the maximum");
    }

    @Test
    void memoryStaysBoundedHoweverManyValuesAreAdded() {
        LatencyHistogram h = new LatencyHistogram();
        Random random = new Random(1);
        for (int i = 0; i < 2_000_000; i++) {
            h.add(random.nextInt(120_000));
        }
        int afterTwoMillion = h.allocatedBuckets();
        for (int i = 0; i < 2_000_000; i++) {
            h.add(random.nextInt(120_000));
        }
        assertEquals(afterTwoMillion, h.allocatedBuckets(), "no growth for more values in the same range");
        assertTrue(afterTwoMillion <= LatencyHistogram.MAX_BUCKETS);
        h.add(Long.MAX_VALUE);
        h.add(0);
        assertTrue(h.allocatedBuckets() <= LatencyHistogram.MAX_BUCKETS, "even across the whole range");
        assertTrue(LatencyHistogram.MAX_BUCKETS < 1500, "a few kilobytes per group: " + LatencyHistogram.MAX_BUCKETS);
    }

    @Test
    void smallLatenciesAreExact() {
        LatencyHistogram h = new LatencyHistogram();
        for (long v = 1; v <= 100; v++) {
            h.add(v);
        }
        assertEquals(50L, h.percentile(50));
        assertEquals(95L, h.percentile(95));
        assertEquals(1L, h.percentile(1));
        assertEquals(100L, h.percentile(100));
    }

    @Test
    void percentilesUseNearestRank() {
        LatencyHistogram h = new LatencyHistogram();
        for (long v : new long[] {10, 20, 30, 40}) {
            h.add(v);
        }
        assertEquals(20L, h.percentile(50), "rank ceil(0.5 * 4) = 2");
        assertEquals(40L, h.percentile(95), "rank ceil(0.95 * 4) = 4");
        assertEquals(10L, h.percentile(25));
        assertEquals(20L, h.percentile(26), "rank ceil(1.04) = 2");
        assertEquals(30L, h.percentile(51), "rank ceil(2.04) = 3");
    }

    @Test
    void aSingleLargeValueComesBackExactlyBecauseItIsTheMinimumAndMaximum() {
        LatencyHistogram h = new LatencyHistogram();
        h.add(987_654);
        assertEquals(987_654L, h.percentile(50));
        assertEquals(987_654L, h.percentile(95));
    }

    @Test
    void emptyHistogramHasNoPercentile() {
        LatencyHistogram h = new LatencyHistogram();
        assertNull(h.percentile(50));
        assertNull(h.min());
        assertEquals(0, h.allocatedBuckets());
        assertThrows(IllegalArgumentException.class, () -> h.percentile(0));
        assertThrows(IllegalArgumentException.class, () -> h.percentile(101));
    }

    @Test
    void mergingTwoHistogramsEqualsAddingAllValuesToOne() {
        Random random = new Random(3);
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        LatencyHistogram both = new LatencyHistogram();
        for (int i = 0; i < 10_000; i++) {
            long v = random.nextInt(i % 2 == 0 ? 300 : 90_000) + (i % 2 == 0 ? 0 : 5_000);
            (i % 2 == 0 ? a : b).add(v);
            both.add(v);
        }
        a.add(b);
        for (double p : new double[] {1, 25, 50, 75, 95, 99, 100}) {
            assertEquals(both.percentile(p), a.percentile(p), "p" + p);
        }
        assertEquals(both.count(), a.count());
    }
}
