package io.openrouteraudit.cli.reconcile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How long one generation lookup may keep trying: exponential delays from {@code initialDelay}
 * (doubling), at most {@code maxAttempts} requests, and at most {@code maxWait} spent waiting
 * in total. A server's {@code Retry-After} is honoured when it fits in what is left of the
 * budget; when it does not, the lookup gives up rather than wait past its bound.
 *
 * @param maxAttempts  requests per generation, the first included (at least 1)
 * @param initialDelay the wait before the second request
 * @param maxWait      the total time one generation may spend waiting between requests
 */
public record BackoffPolicy(int maxAttempts, Duration initialDelay, Duration maxWait) {

    /** OpenRouter's usual delay before a generation can be looked up is "a second or more". */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(10);
    static final int DEFAULT_MAX_ATTEMPTS = 6;
    static final Duration DEFAULT_INITIAL_DELAY = Duration.ofMillis(500);

    public BackoffPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        if (initialDelay.isNegative() || maxWait.isNegative()) {
            throw new IllegalArgumentException("delays must not be negative");
        }
    }

    /** Up to 6 requests, waiting 0.5 s, 1 s, 2 s, 4 s, … between them, at most {@code maxWait} in all. */
    public static BackoffPolicy standard(Duration maxWait) {
        return new BackoffPolicy(DEFAULT_MAX_ATTEMPTS, DEFAULT_INITIAL_DELAY, maxWait);
    }

    /** A single retry after the initial delay (for generations that ended long ago), within {@code maxWait}. */
    public BackoffPolicy oneRetry() {
        return new BackoffPolicy(Math.min(2, maxAttempts), initialDelay, maxWait);
    }

    /**
     * The wait before the next request, or empty when the lookup must stop.
     *
     * @param attemptsMade requests made so far (at least 1)
     * @param waited       total time already spent waiting for this generation
     * @param retryAfter   what the server asked for ({@code Retry-After}), or null
     */
    public Optional<Duration> nextDelay(int attemptsMade, Duration waited, Duration retryAfter) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        Duration remaining = maxWait.minus(waited);
        if (remaining.isNegative() || remaining.isZero()) {
            return Optional.empty();
        }
        if (retryAfter != null && retryAfter.compareTo(remaining) > 0) {
            return Optional.empty();
        }
        Duration delay = exponential(attemptsMade);
        if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
            delay = retryAfter;
        }
        return Optional.of(delay.compareTo(remaining) > 0 ? remaining : delay);
    }

    /** The waits between requests of a lookup that never gets an answer (no {@code Retry-After}). */
    public List<Duration> schedule() {
        List<Duration> delays = new ArrayList<>();
        Duration waited = Duration.ZERO;
        for (int attempts = 1; ; attempts++) {
            Optional<Duration> next = nextDelay(attempts, waited, null);
            if (next.isEmpty()) {
                return List.copyOf(delays);
            }
            delays.add(next.get());
            waited = waited.plus(next.get());
        }
    }

    private Duration exponential(int attemptsMade) {
        int doublings = Math.min(attemptsMade - 1, 30);
        try {
            return initialDelay.multipliedBy(1L << doublings);
        } catch (ArithmeticException e) {
            return maxWait;
        }
    }
}
