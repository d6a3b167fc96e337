package io.openrouteraudit.cli.stats;

import java.io.IOException;

/**
 * RFC 4180 fields: a field holding a comma, a double quote, CR or LF is enclosed in double quotes
 * with its quotes doubled; records end with CRLF. A {@code null} cell is an empty field, an empty
 * string an empty quoted field ({@code ""}), so the two stay apart.
 */
public final class Csv {

    /** The record separator RFC 4180 prescribes. */
    public static final String EOL = "\r\n";

    private Csv() {
    }

    /** Appends one field, quoted when RFC 4180 requires it. */
    public static void field(Appendable out, String value) throws IOException {
        if (value == null) {
            return;
        }
        if (value.isEmpty()) {
            out.append("\"\"");
            return;
        }
        if (!needsQuotes(value)) {
            out.append(value);
            return;
        }
        out.append('"');
        int from = 0;
        for (int quote = value.indexOf('"'); quote >= 0; quote = value.indexOf('"', quote + 1)) {
            out.append(value, from, quote + 1).append('"');
            from = quote + 1;
        }
        out.append(value, from, value.length()).append('"');
    }

    /** Appends one record: the fields separated by commas, then {@link #EOL}. */
    public static void record(Appendable out, String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            field(out, fields[i]);
        }
        out.append(EOL);
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
