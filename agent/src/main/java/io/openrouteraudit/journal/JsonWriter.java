package io.openrouteraudit.journal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON object writer over a reusable {@link StringBuilder}: the record's canonical
 * form must be byte-for-byte reproducible, so key order, number and escape rules live here and
 * nowhere else.
 */
final class JsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out;
    private boolean first = true;

    JsonWriter(StringBuilder out) {
        this.out = out;
    }

    JsonWriter begin() {
        out.append('{');
        first = true;
        return this;
    }

    void end() {
        out.append('}');
    }

    JsonWriter field(String name, String value) {
        key(name);
        string(value);
        return this;
    }

    /** An instant as the record's UTC millisecond timestamp (required, as the formatter it replaces required it). */
    JsonWriter timestampField(String name, java.time.Instant value) {
        key(name);
        out.append('"');
        IsoMillisTimestamp.append(out, value);
        out.append('"');
        return this;
    }

    JsonWriter field(String name, Number value) {
        key(name);
        number(value);
        return this;
    }

    JsonWriter field(String name, boolean value) {
        key(name);
        out.append(value);
        return this;
    }

    JsonWriter field(String name, Boolean value) {
        key(name);
        out.append(value == null ? "null" : value.toString());
        return this;
    }

    JsonWriter field(String name, List<String> values) {
        key(name);
        list(values);
        return this;
    }

    JsonWriter countsField(String name, Map<String, Integer> counts) {
        key(name);
        out.append('{');
        boolean firstEntry = true;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (!firstEntry) {
                out.append(',');
            }
            firstEntry = false;
            string(e.getKey());
            out.append(':').append(e.getValue().intValue());
        }
        out.append('}');
        return this;
    }

    /** Starts a nested object as the value of {@code name}. */
    JsonWriter objectField(String name) {
        key(name);
        out.append('{');
        first = true;
        return this;
    }

    /** Ends a nested object; the enclosing object continues after it. */
    JsonWriter endObject() {
        out.append('}');
        first = false;
        return this;
    }

    private void list(List<String> values) {
        if (values == null) {
            out.append("null");
            return;
        }
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(values.get(i));
        }
        out.append(']');
    }

    private void key(String name) {
        if (!first) {
            out.append(',');
        }
        first = false;
        out.append('"').append(name).append("\":");
    }

    private void number(Number value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                out.append("null");
            } else {
                // Plain notation ("0.0000310365", not "3.10365E-5"): what an auditor expects.
                out.append(BigDecimal.valueOf(d).stripTrailingZeros().toPlainString());
            }
        } else {
            out.append(value.longValue());
        }
    }

    void string(String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
