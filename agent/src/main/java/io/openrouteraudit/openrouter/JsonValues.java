package io.openrouteraudit.openrouter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Stateless readers for the value shapes found in OpenRouter bodies. Each reads the parser's current
 * value and leaves the parser on that value's last token; a value of an unexpected shape is skipped
 * and yields null, because a wrong type in one field must not cost us the rest of the body.
 */
final class JsonValues {

    private JsonValues() {
    }

    /** A factory configured for untrusted bodies; callers keep one per parser instance. */
    static JsonFactory newFactory() {
        return JsonFactory.builder()
                // Field-name canonicalization must stay enabled: without it jackson reads byte[]
                // through a char-based parser whose locations are char offsets, not byte offsets.
                // Interning is off so body field names never reach the JVM's string pool.
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                // Parse errors must never carry body text (it may hold prompts or keys).
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                // The bytes given are already bounded by the caller; a long prompt string is not an
                // error for an auditor.
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(Integer.MAX_VALUE).build())
                .build();
    }

    static boolean validRange(byte[] body, int offset, int length) {
        return body != null && offset >= 0 && length >= 0 && offset <= body.length - length;
    }

    /** Moves to the next field of the current object: true on a field name, false at its end. */
    static boolean nextField(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.FIELD_NAME) {
            return true;
        }
        if (t == JsonToken.END_OBJECT) {
            return false;
        }
        throw new JsonEOFException(p, t, "object not closed");
    }

    /** Moves to the next element of the current array: true on an element, false at its end. */
    static boolean nextElement(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw new JsonEOFException(p, null, "array not closed");
        }
        return t != JsonToken.END_ARRAY;
    }

    static boolean isObject(JsonParser p) {
        return p.currentToken() == JsonToken.START_OBJECT;
    }

    static boolean isArray(JsonParser p) {
        return p.currentToken() == JsonToken.START_ARRAY;
    }

    static String text(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    static Boolean bool(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return t == JsonToken.VALUE_TRUE;
        }
        p.skipChildren();
        return null;
    }

    /** An integral count; floats such as 18.0 are rounded, numeric strings parsed. */
    static Long longValue(JsonParser p) throws IOException {
        Object n = number(p);
        if (n instanceof Long l) {
            return l;
        }
        if (n instanceof Double d && Math.abs(d) < 9.0e18) {
            return Math.round(d);
        }
        return null;
    }

    static Double doubleValue(JsonParser p) throws IOException {
        Object n = number(p);
        return n == null ? null : ((Number) n).doubleValue();
    }

    /** A number as Long when integral and in range, else Double; numeric strings are accepted. */
    static Object number(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? (Object) p.getDoubleValue() : (Object) p.getLongValue();
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            double d = p.getDoubleValue();
            return Double.isFinite(d) ? d : null;
        }
        if (t == JsonToken.VALUE_STRING) {
            return parseNumber(p.getText().trim());
        }
        p.skipChildren();
        return null;
    }

    private static Object parseNumber(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException notLong) {
            try {
                double d = Double.parseDouble(s);
                return Double.isFinite(d) ? d : null;
            } catch (NumberFormatException notNumber) {
                return null;
            }
        }
    }

    /** An error code as text: 429 and 429.0 both become "429", strings stay as sent. */
    static String codeText(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            double d = p.getDoubleValue();
            return d == Math.rint(d) && Math.abs(d) < 9.0e18 ? Long.toString((long) d) : p.getText();
        }
        p.skipChildren();
        return null;
    }

    /** The strings of an array (other elements skipped); a lone string counts as a one-item list. */
    static List<String> stringList(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return List.of(p.getText());
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        List<String> out = new ArrayList<>();
        while (nextElement(p)) {
            String s = text(p);
            if (s != null) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }
}
