package io.openrouteraudit.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.util.function.UnaryOperator;

/**
 * Redacts the string values of a JSON text (a request's {@code messages} as sent) after
 * decoding their escapes, so {@code bob\u0040example.com} is caught like {@code bob@example.com};
 * structure, keys and numbers are kept. Text that is not JSON is redacted as plain text.
 */
final class JsonTextRedaction {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonTextRedaction() {
    }

    static String redact(String json, UnaryOperator<String> redaction) {
        StringWriter out = new StringWriter(json.length() + 16);
        try (JsonParser p = JSON.createParser(json); JsonGenerator g = JSON.createGenerator(out)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.VALUE_STRING) {
                    g.writeString(redaction.apply(p.getText()));
                } else if (t == JsonToken.FIELD_NAME) {
                    g.writeFieldName(p.currentName());
                } else {
                    g.copyCurrentEvent(p);
                }
            }
        } catch (IOException | RuntimeException notJson) {
            return redaction.apply(json);
        }
        return out.toString();
    }
}
