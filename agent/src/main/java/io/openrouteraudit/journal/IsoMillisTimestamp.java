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
    private static final int LENGTH = "yyyy-MM-ddTHH:mm:ss.SSSZ".length();

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
        byte[] b = out.room(LENGTH);
        int at = out.length();
        at = digits(b, at, year, 4);
        b[at++] = '-';
        at = digits(b, at, month, 2);
        b[at++] = '-';
        at = digits(b, at, dayOfMonth, 2);
        b[at++] = 'T';
        at = digits(b, at, secondOfDay / 3600, 2);
        b[at++] = ':';
        at = digits(b, at, secondOfDay / 60 % 60, 2);
        b[at++] = ':';
        at = digits(b, at, secondOfDay % 60, 2);
        b[at++] = '.';
        at = digits(b, at, instant.getNano() / 1_000_000, 3);
        b[at++] = 'Z';
        out.lengthTo(at);
    }

    /** {@code value} in {@code width} decimal digits, leading zeros kept; returns the position after them. */
    private static int digits(byte[] b, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            b[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
