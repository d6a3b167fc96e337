package io.openrouteraudit.journal;

import java.util.List;
import java.util.Map;

/**
 * A minimal JSON object writer straight into UTF-8 bytes: the record's canonical form must be
 * byte-for-byte reproducible, so key order, number and escape rules live here and nowhere else.
 * One per encoder, reused for every record.
 */
final class JsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final PlainDecimal decimals = new PlainDecimal();
    private Utf8LineBuffer out;
    private boolean first = true;

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

    JsonWriter countsField(String name, Map<String, Integer> counts) {
        key(name);
        out.ascii('{');
        boolean firstEntry = true;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (!firstEntry) {
                out.ascii(',');
            }
            firstEntry = false;
            string(e.getKey());
            out.ascii(':').decimal(e.getValue().intValue());
        }
        out.ascii('}');
        return this;
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

    private void key(String name) {
        if (!first) {
            out.ascii(',');
        }
        first = false;
        out.ascii('"').ascii(name).ascii('"').ascii(':');
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
     * A quoted, escaped string: runs of characters that need no escape are encoded in one go,
     * each escape written between them. A surrogate pair never spans an escape, so encoding the
     * runs separately gives the bytes that escaping first and encoding the whole would.
     */
    void string(String value) {
        if (value == null) {
            out.ascii("null");
            return;
        }
        out.ascii('"');
        int run = 0;
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && c != 0x2028 && c != 0x2029) {
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
        out.ascii('"');
    }
}
