package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** Typed reads of a journal record's fields: JSON null gives null; a value of the wrong JSON type fails. */
final class JsonFields {

    private JsonFields() {
    }

    static String text(JsonNode record, String field) {
        JsonNode node = present(record, field);
        if (node.isNull()) {
            return null;
        }
        assertTrue(node.isTextual(), () -> field + " should be a JSON string, was " + node + " in " + record);
        return node.asText();
    }

    static Integer integer(JsonNode record, String field) {
        JsonNode node = present(record, field);
        if (node.isNull()) {
            return null;
        }
        assertTrue(node.isIntegralNumber(), () -> field + " should be a JSON integer, was " + node + " in " + record);
        return node.intValue();
    }

    static Long longValue(JsonNode record, String field) {
        JsonNode node = present(record, field);
        if (node.isNull()) {
            return null;
        }
        assertTrue(node.isIntegralNumber(), () -> field + " should be a JSON integer, was " + node + " in " + record);
        return node.longValue();
    }

    static Boolean bool(JsonNode record, String field) {
        JsonNode node = present(record, field);
        if (node.isNull()) {
            return null;
        }
        assertTrue(node.isBoolean(), () -> field + " should be a JSON boolean, was " + node + " in " + record);
        return node.booleanValue();
    }

    static BigDecimal decimal(JsonNode record, String field) {
        JsonNode node = present(record, field);
        if (node.isNull()) {
            return null;
        }
        assertTrue(node.isNumber(), () -> field + " should be a JSON number, was " + node + " in " + record);
        return node.decimalValue();
    }

    static JsonNode present(JsonNode record, String field) {
        assertTrue(record.has(field), () -> "record has no key '" + field + "' (SPEC §4: absent values are null): "
                + record);
        return record.get(field);
    }
}
