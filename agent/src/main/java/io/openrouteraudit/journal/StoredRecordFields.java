package io.openrouteraudit.journal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Reads the few top-level members of a stored line that the chain and the tools need. */
public final class StoredRecordFields {

    private static final JsonFactory JSON = new JsonFactory();

    private StoredRecordFields() {
    }

    /** {@code seq}, or -1 when the line has none. */
    public static long seqOf(String line) {
        Object v = memberOf(line, "seq");
        return v instanceof Long l ? l : -1;
    }

    /** The value of a top-level scalar member: a String, Long, Double, Boolean, or null. */
    public static Object memberOf(String line, String name) {
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals(name)) {
                    return switch (value) {
                        case VALUE_STRING -> p.getText();
                        case VALUE_NUMBER_INT -> p.getLongValue();
                        case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                        case VALUE_TRUE -> Boolean.TRUE;
                        case VALUE_FALSE -> Boolean.FALSE;
                        default -> null;
                    };
                }
                p.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
