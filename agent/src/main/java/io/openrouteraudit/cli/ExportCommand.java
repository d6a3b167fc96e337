package io.openrouteraudit.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.openrouteraudit.cli.stats.Csv;
import io.openrouteraudit.cli.stats.OneLine;
import io.openrouteraudit.cli.stats.TimeWindow;
import io.openrouteraudit.journal.JournalReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code export}: the stored records, oldest first, as JSON lines (exactly as stored) or CSV; one
 * record at a time, so a journal of any size exports in constant memory.
 */
final class ExportCommand implements JournalCommand {

    /** The CSV columns: every key of SPEC section 4, in its order (the order of the stored line). */
    static final List<String> CSV_COLUMNS = List.of("schema", "seq", "timestamp", "generation_id", "client",
            "method", "endpoint", "model_requested", "model_used", "provider", "stream", "http_status", "status",
            "error_code", "finish_reason", "prompt_tokens", "completion_tokens", "reasoning_tokens",
            "cached_tokens", "total_cost", "latency_ms", "ttft_ms", "user_id", "app_title", "app_referer",
            "key_fingerprint", "prompt_hash", "completion_hash", "pii", "truncated", "session_id", "routing",
            "policy_violations", "trace_id", "span_id", "prompt", "completion", "prev_hash", "record_hash");

    /** How often (in records) a broken stdout, e.g. {@code | head}, is looked for. */
    private static final int CHECK_EVERY = 1024;

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "print records as JSON lines or CSV";
    }

    @Override
    public String help() {
        return """
                usage: export --dir D [--since T] [--until T] [--format jsonl|csv]
                  Prints the journal's records to stdout, oldest first, one at a time (constant memory).
                  --dir D      the journal directory (openrouter.audit.journal.dir)
                  --since T    only records whose timestamp is at or after T (ISO date or date-time, UTC)
                  --until T    only records whose timestamp is before T
                  --format F   jsonl (default): one JSON object per line, exactly as stored and hashed
                               csv: RFC 4180, UTF-8, CRLF line ends; a header row with every record key in
                               order; fields holding a comma, quote, CR or LF are quoted (quotes doubled);
                               a null value is an empty field, an empty text is ""; pii, routing and
                               policy_violations are their compact JSON text in one field""";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        CommandArgs a = CommandArgs.parse(name(), args, Set.of("--dir", "--since", "--until", "--format"), Set.of());
        String format = a.get("--format", "jsonl");
        if (!format.equals("jsonl") && !format.equals("csv")) {
            throw new UsageException("export: --format '" + format + "' is not supported (allowed: jsonl, csv)");
        }
        Path dir = a.requiredDir();
        TimeWindow window = new TimeWindow(a.instant("--since"), a.instant("--until"));
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        try (JournalReader reader = JournalReader.open(dir)) {
            if (format.equals("csv")) {
                csv(reader, window, w, out);
            } else {
                jsonl(reader, window, w, out);
            }
            w.flush();
        } catch (IOException e) {
            throw new UsageException("export: " + OneLine.of(e.getMessage()), 1);
        }
        return 0;
    }

    private static void jsonl(JournalReader reader, TimeWindow window, Writer w, PrintStream out)
            throws IOException {
        // Choosing by timestamp means reading each record whole, as csv does: a damaged one must stop
        // the export with an error, not drop out of the window unnoticed.
        CsvRow record = window.isOpen() ? null : new CsvRow();
        long n = 0;
        for (String line = reader.next(); line != null; line = reader.next()) {
            if (record != null) {
                record.read(line);
            }
            if (record == null || window.contains(instant(record.cells[CsvRow.TIMESTAMP]))) {
                w.write(line);
                w.write('\n');
            }
            if (++n % CHECK_EVERY == 0 && out.checkError()) {
                return; // the reader went away (| head): stop quietly
            }
        }
    }

    private static void csv(JournalReader reader, TimeWindow window, Writer w, PrintStream out) throws IOException {
        CsvRow row = new CsvRow();
        Csv.record(w, CSV_COLUMNS.toArray(String[]::new));
        long n = 0;
        for (String line = reader.next(); line != null; line = reader.next()) {
            row.read(line);
            if (window.isOpen() || window.contains(instant(row.cells[CsvRow.TIMESTAMP]))) {
                row.write(w);
            }
            if (++n % CHECK_EVERY == 0 && out.checkError()) {
                return;
            }
        }
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * One stored line as CSV fields, reused from record to record (also what a time window reads). Strings are unescaped, numbers and
     * booleans keep their stored text, {@code null} stays empty, and an object or array is cut out of
     * the line as it stands (the stored form is compact JSON). Keys outside SPEC section 4 are left
     * out; keys a record lacks are empty.
     */
    static final class CsvRow {

        private static final JsonFactory JSON = new JsonFactory();
        private static final Map<String, Integer> COLUMN = new HashMap<>();
        static final int TIMESTAMP = CSV_COLUMNS.indexOf("timestamp");

        static {
            for (int i = 0; i < CSV_COLUMNS.size(); i++) {
                COLUMN.put(CSV_COLUMNS.get(i), i);
            }
        }

        final String[] cells = new String[CSV_COLUMNS.size()];
        private final StringBuilder row = new StringBuilder(4096);
        private long lastSeq;

        void read(String line) throws IOException {
            Arrays.fill(cells, null);
            try (JsonParser p = JSON.createParser(line)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new IOException("not a JSON object");
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    Integer column = COLUMN.get(p.currentName());
                    JsonToken value = p.nextToken();
                    String cell;
                    if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                        int start = (int) p.currentTokenLocation().getCharOffset();
                        p.skipChildren();
                        int end = (int) p.currentLocation().getCharOffset();
                        cell = column == null ? null : line.substring(start, end);
                    } else {
                        cell = value == JsonToken.VALUE_NULL ? null : p.getText();
                    }
                    if (column != null) {
                        cells[column] = cell;
                    }
                }
            } catch (IOException | RuntimeException e) {
                throw new IOException("the journal is damaged: the record after seq " + lastSeq
                        + " is not readable (run verify)", e);
            }
            try {
                lastSeq = cells[1] == null ? lastSeq : Long.parseLong(cells[1]);
            } catch (NumberFormatException e) {
                // keep the last good one for the message
            }
        }

        void write(Writer w) throws IOException {
            // One write per row: the fields are assembled in an unsynchronised builder first.
            row.setLength(0);
            Csv.record(row, cells);
            w.append(row);
        }
    }
}
