package io.openrouteraudit.journal;

import java.time.Instant;

/**
 * Writes an instant as {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'} (UTC) straight into the record's
 * buffer: the same text as {@link RecordEncoder#TIMESTAMP}, which the chain hashes, without the
 * formatter's garbage on every append. Years outside 1..9999 go through the formatter itself.
 */
final class IsoMillisTimestamp {

    private static final long FIRST_SECOND = -62_135_596_800L; // 0001-01-01T00:00:00Z
    private static final long LAST_SECOND = 253_402_300_799L;  // 9999-12-31T23:59:59Z

    private IsoMillisTimestamp() {
    }

    static void append(Utf8LineBuffer out, Instant instant) {
        long second = instant.getEpochSecond();
        if (second < FIRST_SECOND || second > LAST_SECOND) {
            out.ascii(RecordEncoder.TIMESTAMP.format(instant));
            return;
        }
        long day = Math.floorDiv(second, 86_400L);
        int secondOfDay = (int) Math.floorMod(second, 86_400L);
        // Civil date from days since 1970-01-01 in the proleptic Gregorian calendar, counted in
        // 400-year eras that start on March 1st (so the leap day ends a year).
        long z = day + 719_468L;
        long era = Math.floorDiv(z, 146_097L);
        long dayOfEra = z - era * 146_097L;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        int dayOfMonth = (int) (dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
        int month = (int) (shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        digits(out, year, 4).ascii('-');
        digits(out, month, 2).ascii('-');
        digits(out, dayOfMonth, 2).ascii('T');
        digits(out, secondOfDay / 3600, 2).ascii(':');
        digits(out, secondOfDay / 60 % 60, 2).ascii(':');
        digits(out, secondOfDay % 60, 2).ascii('.');
        digits(out, instant.getNano() / 1_000_000, 3).ascii('Z');
    }

    private static Utf8LineBuffer digits(Utf8LineBuffer out, int value, int width) {
        for (int divisor = width == 4 ? 1000 : width == 3 ? 100 : 10; divisor > 0; divisor /= 10) {
            out.ascii((char) ('0' + value / divisor % 10));
        }
        return out;
    }
}
