package io.openrouteraudit.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code stats --format json}: an array of flat objects; numbers as Long or BigDecimal. */
final class StatsJson {

    private StatsJson() {
    }

    static List<Map<String, Object>> parse(String text) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("not an array: " + text);
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                Map<String, Object> row = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken t = p.nextToken();
                    row.put(name, switch (t) {
                        case VALUE_NULL -> null;
                        case VALUE_STRING -> p.getText();
                        case VALUE_NUMBER_INT -> p.getLongValue();
                        case VALUE_NUMBER_FLOAT -> p.getDecimalValue();
                        default -> throw new IOException("not flat: " + name);
                    });
                }
                rows.add(row);
            }
            if (p.currentToken() != JsonToken.END_ARRAY || p.nextToken() != null) {
                throw new IOException("trailing content: " + text);
            }
        }
        return rows;
    }
}
