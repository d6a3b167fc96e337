package io.openrouteraudit.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoMillisTimestampTest {

    @Test
    void writesWhatTheFormatterWritesAtCalendarEdges() {
        String[] edges = {"1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "2000-02-29T12:34:56.789Z",
            "1900-02-28T23:59:59.001Z", "1900-03-01T00:00:00Z", "1600-02-29T00:00:00.5Z", "2026-12-31T23:59:59.999999999Z",
            "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "2024-02-29T00:00:00.000999Z", "2100-03-01T01:02:03.004Z"};
        for (String edge : edges) {
            assertSameAsFormatter(Instant.parse(edge));
        }
    }

    @Test
    void writesWhatTheFormatterWritesForRandomInstantsAndOutsideFourDigitYears() {
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            long second = -62_135_596_800L + (long) (random.nextDouble() * (253_402_300_799L + 62_135_596_800L));
            assertSameAsFormatter(Instant.ofEpochSecond(second, random.nextInt(1_000_000_000)));
        }
        assertSameAsFormatter(Instant.parse("+10000-01-01T00:00:00Z"));
        assertSameAsFormatter(Instant.parse("-0001-06-01T00:00:00Z"));
    }

    private static void assertSameAsFormatter(Instant instant) {
        Utf8LineBuffer out = new Utf8LineBuffer(1).ascii('x');
        IsoMillisTimestamp.append(out, instant);
        assertEquals("x" + RecordEncoder.TIMESTAMP.format(instant),
                new String(out.bytes(), 0, out.length(), StandardCharsets.US_ASCII), instant::toString);
    }
}
