package io.openrouteraudit.telemetry;

import java.util.concurrent.ThreadLocalRandom;

/** W3C trace and span ids as lower-case hex, made by the agent so the journal can carry them. */
final class SpanIds {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private SpanIds() {
    }

    static String newTraceId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high;
        long low;
        do {
            high = random.nextLong();
            low = random.nextLong();
        } while (high == 0 && low == 0);
        return hex(high) + hex(low);
    }

    static String newSpanId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long id;
        do {
            id = random.nextLong();
        } while (id == 0);
        return hex(id);
    }

    static boolean isTraceId(String id) {
        return isNonZeroHex(id, 32);
    }

    static boolean isSpanId(String id) {
        return isNonZeroHex(id, 16);
    }

    private static boolean isNonZeroHex(String id, int length) {
        if (id == null || id.length() != length) {
            return false;
        }
        boolean nonZero = false;
        for (int i = 0; i < length; i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
            nonZero |= c != '0';
        }
        return nonZero;
    }

    private static String hex(long value) {
        char[] out = new char[16];
        for (int i = 15; i >= 0; i--) {
            out[i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
        return new String(out);
    }
}
