package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately unforgiving RFC 4180 reader: records end with CR LF (the last one too), fields
 * are separated by commas, a field holding a comma, quote, CR or LF must be quoted, and a quote
 * inside a quoted field must be doubled. Anything else fails the test with the offset. Whether
 * a field was quoted is kept: {@code ""} (an empty text) is not an empty field (null).
 */
final class StrictCsv {

    /** One field: its value, and whether it was quoted. */
    record Cell(String value, boolean quoted) {
    }

    private final String text;
    private int at;

    private StrictCsv(String text) {
        this.text = text;
    }

    static List<List<Cell>> parse(String text) {
        return new StrictCsv(text).records();
    }

    private List<List<Cell>> records() {
        List<List<Cell>> records = new ArrayList<>();
        while (at < text.length()) {
            List<Cell> record = new ArrayList<>();
            while (true) {
                record.add(text.charAt(at) == '"' ? quoted() : unquoted());
                if (text.startsWith("\r\n", at)) {
                    at += 2;
                    break;
                }
                if (at < text.length() && text.charAt(at) == ',') {
                    at++;
                    continue;
                }
                fail(at >= text.length() ? "the last record does not end with CR LF"
                        : "expected ',' or CR LF at offset " + at + ": " + context());
            }
            records.add(record);
        }
        return records;
    }

    private Cell unquoted() {
        int start = at;
        while (at < text.length() && text.charAt(at) != ',' && text.charAt(at) != '\r') {
            char c = text.charAt(at);
            if (c == '"' || c == '\n') {
                fail("unquoted field holds " + (c == '"' ? "a quote" : "a LF") + " at offset " + at + ": " + context());
            }
            at++;
        }
        return new Cell(text.substring(start, at), false);
    }

    private Cell quoted() {
        StringBuilder value = new StringBuilder();
        at++;
        while (true) {
            if (at >= text.length()) {
                fail("a quoted field is not closed");
            }
            char c = text.charAt(at++);
            if (c != '"') {
                value.append(c);
            } else if (at < text.length() && text.charAt(at) == '"') {
                value.append('"');
                at++;
            } else {
                return new Cell(value.toString(), true);
            }
        }
    }

    private String context() {
        return "…" + text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 40)) + "…";
    }
}
