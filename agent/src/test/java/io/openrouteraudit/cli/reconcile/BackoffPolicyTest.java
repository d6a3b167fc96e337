package io.openrouteraudit.cli.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffPolicyTest {

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Test
    void standardScheduleDoublesFromHalfASecondWithinTenSecondsAndSixRequests() {
        BackoffPolicy policy = BackoffPolicy.standard(Duration.ofSeconds(10));
        // 0.5 + 1 + 2 + 4 = 7.5 s; the fifth wait is cut to what is left of the 10 s.
        assertEquals(List.of(ms(500), ms(1000), ms(2000), ms(4000), ms(2500)), policy.schedule());
        Duration total = policy.schedule().stream().reduce(Duration.ZERO, Duration::plus);
        assertEquals(Duration.ofSeconds(10), total);
        assertEquals(6, policy.schedule().size() + 1, "requests = waits + 1");
    }

    @Test
    void attemptsBoundTheScheduleWhenTheBudgetIsLarge() {
        BackoffPolicy policy = BackoffPolicy.standard(Duration.ofMinutes(10));
        assertEquals(List.of(ms(500), ms(1000), ms(2000), ms(4000), ms(8000)), policy.schedule());
    }

    @Test
    void aSmallBudgetShortensTheSchedule() {
        assertEquals(List.of(ms(500), ms(1000), ms(500)), BackoffPolicy.standard(Duration.ofSeconds(2)).schedule());
        assertEquals(List.of(), BackoffPolicy.standard(Duration.ZERO).schedule(), "no budget: one request only");
    }

    @Test
    void oneRetryForSettledGenerations() {
        assertEquals(List.of(ms(500)), BackoffPolicy.standard(Duration.ofSeconds(10)).oneRetry().schedule());
    }

    @Test
    void retryAfterIsHonouredWhenItFitsTheBudget() {
        BackoffPolicy policy = BackoffPolicy.standard(Duration.ofSeconds(10));
        assertEquals(Optional.of(Duration.ofSeconds(3)), policy.nextDelay(1, Duration.ZERO, Duration.ofSeconds(3)));
        // A Retry-After shorter than the backoff does not shorten it.
        assertEquals(Optional.of(ms(2000)), policy.nextDelay(3, ms(1500), Duration.ofSeconds(1)));
        // Exactly what is left is still honoured.
        assertEquals(Optional.of(Duration.ofSeconds(4)), policy.nextDelay(2, Duration.ofSeconds(6), Duration.ofSeconds(4)));
    }

    @Test
    void retryAfterBeyondTheBudgetGivesUpInsteadOfWaitingLonger() {
        BackoffPolicy policy = BackoffPolicy.standard(Duration.ofSeconds(10));
        assertEquals(Optional.empty(), policy.nextDelay(1, Duration.ZERO, Duration.ofSeconds(11)));
        assertEquals(Optional.empty(), policy.nextDelay(2, Duration.ofSeconds(7), Duration.ofSeconds(4)));
    }

    @Test
    void noDelayOnceAttemptsOrBudgetAreSpent() {
        BackoffPolicy policy = new BackoffPolicy(3, ms(100), Duration.ofSeconds(10));
        assertTrue(policy.nextDelay(2, ms(100), null).isPresent());
        assertEquals(Optional.empty(), policy.nextDelay(3, ms(300), null));
        assertEquals(Optional.empty(), policy.nextDelay(1, Duration.ofSeconds(10), null));
    }
}
