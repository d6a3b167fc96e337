package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads of decoded OTLP spans and log records: ids as hex, attributes by name. */
final class ExportedSpans {

    private ExportedSpans() {
    }

    static String hex(ByteString id) {
        return HexFormat.of().formatHex(id.toByteArray());
    }

    static Map<String, AnyValue> attributes(List<KeyValue> keyValues) {
        Map<String, AnyValue> map = new LinkedHashMap<>();
        for (KeyValue kv : keyValues) {
            map.put(kv.getKey(), kv.getValue());
        }
        return map;
    }

    /** The one span whose id is {@code spanId}. */
    static Span withId(List<Span> spans, String spanId) {
        List<Span> matching = spans.stream().filter(s -> hex(s.getSpanId()).equals(spanId)).toList();
        if (matching.size() != 1) {
            fail(matching.size() + " spans with id " + spanId + " among " + spans.size());
        }
        return matching.get(0);
    }

    static void assertString(Map<String, AnyValue> attributes, String key, String expected) {
        AnyValue value = attributes.get(key);
        if (expected == null) {
            assertEquals(null, value, key);
            return;
        }
        if (value == null) {
            fail("attribute " + key + " is missing; present: " + attributes.keySet());
        }
        assertEquals(expected, value.getStringValue(), key);
    }

    static void assertLong(Map<String, AnyValue> attributes, String key, Long expected) {
        AnyValue value = attributes.get(key);
        if (expected == null) {
            assertEquals(null, value, key);
            return;
        }
        if (value == null) {
            fail("attribute " + key + " is missing; present: " + attributes.keySet());
        }
        assertEquals(expected.longValue(), value.getIntValue(), key);
    }

    static void assertDouble(Map<String, AnyValue> attributes, String key, double expected) {
        AnyValue value = attributes.get(key);
        if (value == null) {
            fail("attribute " + key + " is missing; present: " + attributes.keySet());
        }
        assertEquals(expected, value.getDoubleValue(), 1e-12, key);
    }
}
