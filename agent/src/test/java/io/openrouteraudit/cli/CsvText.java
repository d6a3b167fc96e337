package io.openrouteraudit.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict RFC 4180 reader for the tests, written apart from the exporter: quoted fields may hold
 * commas, CR, LF and doubled quotes; records end with CRLF. An unquoted empty field reads as
 * {@code null}, a quoted empty one as {@code ""}.
 */
final class CsvText {

    private CsvText() {
    }

    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            String field;
            if (text.charAt(i) == '"') {
                StringBuilder b = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("unterminated quoted field");
                    }
                    char c = text.charAt(i++);
                    if (c == '"') {
                        if (i < n && text.charAt(i) == '"') {
                            b.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        b.append(c);
                    }
                }
                field = b.toString();
            } else {
                int start = i;
                while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r') {
                    char c = text.charAt(i);
                    if (c == '"' || c == '\n') {
                        throw new IllegalArgumentException("bare " + (c == '"' ? "quote" : "LF") + " at " + i);
                    }
                    i++;
                }
                field = i == start ? null : text.substring(start, i);
            }
            record.add(field);
            if (i < n && text.charAt(i) == ',') {
                i++;
                if (i == n) {
                    throw new IllegalArgumentException("text ends after a comma");
                }
            } else if (text.startsWith("\r\n", i)) {
                i += 2;
                records.add(record);
                record = new ArrayList<>();
            } else if (i < n) {
                throw new IllegalArgumentException("unexpected character at " + i + ": " + text.charAt(i));
            } else {
                throw new IllegalArgumentException("the last record does not end with CRLF");
            }
        }
        return records;
    }
}
