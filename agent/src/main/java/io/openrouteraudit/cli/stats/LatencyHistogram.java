package io.openrouteraudit.cli.stats;

import java.util.Arrays;

/**
 * Latency percentiles in fixed memory: a log-bucketed histogram of whole milliseconds.
 *
 * <p>Values below {@value #EXACT_BELOW} ms have a bucket each and come back exact. Above, bucket
 * {@code i} covers {@code [128 * 1.02^k, 128 * 1.02^(k+1))}: 2% wide, so the value reported for a
 * bucket (its harmonic centre, kept within the observed minimum and maximum, then rounded to a
 * whole millisecond) is within {@value #RELATIVE_ERROR_PERCENT}% of every value the bucket holds.
 * Values up to 2^40 ms (35 years) have buckets; larger ones share the last. At most
 * {@link #MAX_BUCKETS} counters exist however many values are added, and only the range between
 * the smallest and largest bucket used is allocated (a few hundred counters for typical calls).
 *
 * <p>Percentiles are nearest-rank: the p-th percentile of n values is the value of rank
 * {@code ceil(p/100 * n)} in ascending order.
 */
public final class LatencyHistogram {

    /** Values below this many milliseconds are counted exactly. */
    public static final int EXACT_BELOW = 128;
    /** The bucket growth factor above {@link #EXACT_BELOW}. */
    public static final double GROWTH = 1.02;
    /** The documented bound on a reported percentile's relative error, for values of 128 ms and more. */
    public static final String RELATIVE_ERROR_PERCENT = "1.5";
    /** Values above this share the last bucket (their percentile is still at most the maximum seen). */
    public static final long LARGEST_BUCKETED = 1L << 40;

    private static final double LOG_GROWTH = Math.log(GROWTH);
    /** Bucket index of {@link #LARGEST_BUCKETED}: the last one. */
    public static final int MAX_BUCKETS = bucketOf(LARGEST_BUCKETED) + 1;

    private long[] counts;
    private int offset;
    private long count;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;

    /** Adds one latency; a negative one counts as 0. */
    public void add(long millis) {
        long v = Math.max(0, millis);
        int bucket = bucketOf(v);
        ensureCovers(bucket);
        counts[bucket - offset]++;
        count++;
        min = Math.min(min, v);
        max = Math.max(max, v);
    }

    /** Adds every value of another histogram (same buckets, so nothing is lost). */
    public void add(LatencyHistogram other) {
        if (other.count == 0) {
            return;
        }
        ensureCovers(other.offset);
        ensureCovers(other.offset + other.counts.length - 1);
        for (int i = 0; i < other.counts.length; i++) {
            counts[other.offset + i - offset] += other.counts[i];
        }
        count += other.count;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    /** How many values were added. */
    public long count() {
        return count;
    }

    /** The smallest value added, or {@code null} when none was. */
    public Long min() {
        return count == 0 ? null : min;
    }

    /** The largest value added, or {@code null} when none was. */
    public Long max() {
        return count == 0 ? null : max;
    }

    /**
     * The nearest-rank {@code percent}-th percentile (0 &lt; percent &le; 100), within the precision
     * above; {@code null} when no value was added.
     */
    public Long percentile(double percent) {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percentile " + percent + " is not in (0, 100]");
        }
        if (count == 0) {
            return null;
        }
        long rank = Math.max(1, Math.min(count, (long) Math.ceil(percent / 100.0 * count - 1e-9)));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return representative(offset + i);
            }
        }
        return max; // not reached: the counts add up to count
    }

    /** Counters currently allocated (at most {@link #MAX_BUCKETS}). */
    public int allocatedBuckets() {
        return counts == null ? 0 : counts.length;
    }

    static int bucketOf(long v) {
        if (v < EXACT_BELOW) {
            return (int) v;
        }
        double capped = Math.min(v, LARGEST_BUCKETED);
        return EXACT_BELOW + (int) Math.floor(Math.log(capped / EXACT_BELOW) / LOG_GROWTH);
    }

    private long representative(int bucket) {
        double value;
        if (bucket < EXACT_BELOW) {
            value = bucket;
        } else {
            double lower = EXACT_BELOW * Math.pow(GROWTH, bucket - EXACT_BELOW);
            // The harmonic centre of [lower, lower * g): at most (g - 1) / (g + 1) from either end.
            value = 2 * lower * GROWTH / (1 + GROWTH);
        }
        return Math.max(min, Math.min(max, Math.round(value)));
    }

    private void ensureCovers(int bucket) {
        if (counts == null) {
            offset = Math.max(0, bucket - 16);
            counts = new long[Math.min(MAX_BUCKETS - offset, bucket - offset + 17)];
        } else if (bucket < offset) {
            int newOffset = Math.max(0, bucket - 16);
            long[] grown = new long[counts.length + offset - newOffset];
            System.arraycopy(counts, 0, grown, offset - newOffset, counts.length);
            counts = grown;
            offset = newOffset;
        } else if (bucket >= offset + counts.length) {
            counts = Arrays.copyOf(counts, Math.min(MAX_BUCKETS - offset, bucket - offset + 33));
        }
    }
}
