package io.openrouteraudit.journal;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A minimal JSON object writer straight into UTF-8 bytes: the record's canonical form must be
 * byte-for-byte reproducible, so key order, number and escape rules live here and nowhere else.
 * One per encoder, reused for every record.
 */
final class JsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** ASCII chars JSON writes as they are: printable, neither quote nor backslash. */
    private static final boolean[] PLAIN_ASCII = new boolean[0x80];

    static {
        for (char c = 0x20; c < 0x80; c++) {
            PLAIN_ASCII[c] = c != '"' && c != '\\';
        }
    }

    private final PlainDecimal decimals = new PlainDecimal();
    private final BiConsumer<String, Integer> countEntry = this::countEntry;
    private Utf8LineBuffer out;
    private boolean first = true;
    private boolean firstEntry;

    JsonWriter begin(Utf8LineBuffer target) {
        out = target;
        out.ascii('{');
        first = true;
        return this;
    }

    JsonWriter field(String name, String value) {
        key(name);
        string(value);
        return this;
    }

    /** An instant as the record's UTC millisecond timestamp (required, as the formatter it replaces required it). */
    JsonWriter timestampField(String name, java.time.Instant value) {
        key(name);
        out.ascii('"');
        IsoMillisTimestamp.append(out, value);
        out.ascii('"');
        return this;
    }

    JsonWriter field(String name, long value) {
        key(name);
        out.decimal(value);
        return this;
    }

    JsonWriter field(String name, Number value) {
        key(name);
        number(value);
        return this;
    }

    JsonWriter field(String name, boolean value) {
        key(name);
        out.ascii(value ? "true" : "false");
        return this;
    }

    JsonWriter field(String name, Boolean value) {
        key(name);
        out.ascii(value == null ? "null" : value ? "true" : "false");
        return this;
    }

    JsonWriter field(String name, List<String> values) {
        key(name);
        list(values);
        return this;
    }

    /** A string whose bytes are already known to be plain ASCII hex: written as is. */
    JsonWriter hexField(String name, byte[] asciiHex) {
        key(name);
        out.ascii('"').append(asciiHex, 0, asciiHex.length).ascii('"');
        return this;
    }

    /**
     * An object of counts, in the map's iteration order. Through {@code forEach} and one reused
     * callback: the record's map (an unmodifiable LinkedHashMap) iterates without allocating.
     */
    JsonWriter countsField(String name, Map<String, Integer> counts) {
        key(name);
        out.ascii('{');
        firstEntry = true;
        counts.forEach(countEntry);
        out.ascii('}');
        return this;
    }

    private void countEntry(String countName, Integer count) {
        if (!firstEntry) {
            out.ascii(',');
        }
        firstEntry = false;
        string(countName);
        out.ascii(':').decimal(count.intValue());
    }

    /** Starts a nested object as the value of {@code name}. */
    JsonWriter objectField(String name) {
        key(name);
        out.ascii('{');
        first = true;
        return this;
    }

    /** Ends a nested object; the enclosing object continues after it. */
    JsonWriter endObject() {
        out.ascii('}');
        first = false;
        return this;
    }

    private void list(List<String> values) {
        if (values == null) {
            out.ascii("null");
            return;
        }
        out.ascii('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.ascii(',');
            }
            string(values.get(i));
        }
        out.ascii(']');
    }

    /** {@code ,"name":} (no comma first in an object) in one go: keys are plain ASCII literals. */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): see string(String)
    private void key(String name) {
        int n = name.length();
        byte[] b = out.room(n + 4);
        int at = out.length();
        if (!first) {
            b[at++] = ',';
        }
        first = false;
        b[at++] = '"';
        name.getBytes(0, n, b, at);
        at += n;
        b[at++] = '"';
        b[at++] = ':';
        out.lengthTo(at);
    }

    private void number(Number value) {
        if (value == null) {
            out.ascii("null");
        } else if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                out.ascii("null");
            } else {
                // Plain notation ("0.0000310365", not "3.10365E-5"): what an auditor expects.
                decimals.append(out, d);
            }
        } else {
            out.decimal(value.longValue());
        }
    }

    /**
     * A quoted, escaped string. Most values are plain ASCII with nothing to escape: the leading
     * run of such chars is found, then copied in one go by the deprecated {@code
     * String.getBytes(int, int, byte[], int)}, which keeps the low byte of each char - exactly
     * UTF-8 for ASCII - and for a compact (Latin-1) string is an array copy, about a third of the
     * time of a loop storing byte by byte. From the first other char on, runs
     * of characters that need no escape are encoded in one go, each escape written between them.
     * A surrogate pair never spans an escape, so encoding the runs separately gives the bytes
     * that escaping first and encoding the whole would.
     */
    @SuppressWarnings("deprecation")
    void string(String value) {
        if (value == null) {
            out.ascii("null");
            return;
        }
        int n = value.length();
        byte[] b = out.room(n + 2);
        int at = out.length();
        b[at++] = '"';
        int plain = 0;
        while (plain < n) {
            char c = value.charAt(plain);
            if (c >= 0x80 || !PLAIN_ASCII[c]) {
                break;
            }
            plain++;
        }
        value.getBytes(0, plain, b, at);
        out.lengthTo(at + plain);
        if (plain < n) {
            escapedRest(value, plain);
        }
        out.ascii('"');
    }

    /** Control characters, the quote, the backslash, and the two line separators JavaScript reads as line ends. */
    private static boolean needsEscape(char c) {
        return c < 0x80 ? !PLAIN_ASCII[c] : c == 0x2028 || c == 0x2029;
    }

    private void escapedRest(String value, int from) {
        int run = from;
        for (int i = from, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (!needsEscape(c)) {
                continue;
            }
            out.append(value, run, i);
            run = i + 1;
            switch (c) {
                case '"' -> out.ascii("\\\"");
                case '\\' -> out.ascii("\\\\");
                case '\n' -> out.ascii("\\n");
                case '\r' -> out.ascii("\\r");
                case '\t' -> out.ascii("\\t");
                default -> out.ascii('\\').ascii('u').ascii(HEX[(c >> 12) & 0xF]).ascii(HEX[(c >> 8) & 0xF])
                        .ascii(HEX[(c >> 4) & 0xF]).ascii(HEX[c & 0xF]);
            }
        }
        out.append(value, run, value.length());
    }
}
