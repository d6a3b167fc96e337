package io.openrouteraudit.cli.stats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How {@code stats} prints a {@link JournalStats}: an aligned table with a TOTAL row, CSV with a
 * header row, or a JSON array with one object per group. The columns, in order: the group key
 * (named after {@code --by}), requests, errors, error %, prompt tokens, completion tokens, cost
 * in USD, p50 and p95 latency in ms.
 *
 * <p>CSV and JSON carry exact figures: cost as the exact decimal sum, error % to two decimals, a
 * percentile absent (no record of the group has a latency) as an empty field or {@code null}, a
 * {@code null} key as {@code (none)} in CSV and {@code null} in JSON. Neither has a total row: they
 * are meant for further processing, and the rows add up to the total (except for
 * {@code --by policy}, where one record can be in several rows). The table rounds cost to six
 * decimals and error % to one.
 */
public enum StatsFormat {

    TABLE("table"),
    CSV("csv"),
    JSON("json");

    /** Machine-readable column names after the key column. */
    public static final List<String> COLUMNS = List.of("requests", "errors", "error_pct", "prompt_tokens",
            "completion_tokens", "cost_usd", "p50_latency_ms", "p95_latency_ms");

    private static final JsonFactory JSON_FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private final String option;

    StatsFormat(String option) {
        this.option = option;
    }

    public String option() {
        return option;
    }

    /** The format named by a {@code --format} value, case-insensitive; {@code null} when none is. */
    public static StatsFormat fromOption(String value) {
        for (StatsFormat f : values()) {
            if (f.option.equals(value.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        return null;
    }

    public void write(JournalStats stats, Writer out) throws IOException {
        switch (this) {
            case TABLE -> table(stats, out);
            case CSV -> csv(stats, out);
            case JSON -> json(stats, out);
            default -> throw new IllegalStateException(name());
        }
    }

    private static void table(JournalStats stats, Writer out) throws IOException {
        String[] header = {stats.by().option(), "requests", "errors", "error_%", "prompt_tokens",
            "completion_tokens", "cost_usd", "p50_ms", "p95_ms"};
        List<String[]> rows = new ArrayList<>();
        rows.add(header);
        for (GroupStats g : stats.groups()) {
            rows.add(tableRow(g.label(), g));
        }
        rows.add(tableRow("TOTAL", stats.total()));
        int[] width = new int[header.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder line = new StringBuilder();
        for (String[] row : rows) {
            line.setLength(0);
            for (int i = 0; i < row.length; i++) {
                if (i == 0) {
                    line.append(row[0]).append(" ".repeat(width[0] - row[0].length()));
                } else {
                    line.append("  ").append(" ".repeat(width[i] - row[i].length())).append(row[i]);
                }
            }
            out.write(line.append('\n').toString());
        }
    }

    private static String[] tableRow(String label, GroupStats g) {
        return new String[] {label, Long.toString(g.requests()), Long.toString(g.errors()),
            g.errorPercent(1).toPlainString(), Long.toString(g.promptTokens()), Long.toString(g.completionTokens()),
            g.cost().setScale(6, RoundingMode.HALF_UP).toPlainString(), orDash(g.p50LatencyMs()),
            orDash(g.p95LatencyMs())};
    }

    private static String orDash(Long value) {
        return value == null ? "-" : value.toString();
    }

    private static void csv(JournalStats stats, Writer out) throws IOException {
        List<String> header = new ArrayList<>();
        header.add(stats.by().option());
        header.addAll(COLUMNS);
        Csv.record(out, header.toArray(String[]::new));
        for (GroupStats g : stats.groups()) {
            Csv.record(out, g.label(), Long.toString(g.requests()), Long.toString(g.errors()),
                    g.errorPercent(2).toPlainString(), Long.toString(g.promptTokens()),
                    Long.toString(g.completionTokens()), plain(g.cost()), orNull(g.p50LatencyMs()),
                    orNull(g.p95LatencyMs()));
        }
    }

    private static String orNull(Long value) {
        return value == null ? null : value.toString();
    }

    /** The exact sum without exponent or trailing zeros ({@code 0} rather than {@code 0E-10}). */
    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static void json(JournalStats stats, Writer out) throws IOException {
        out.write("[");
        boolean first = true;
        for (GroupStats g : stats.groups()) {
            StringWriter object = new StringWriter(256);
            try (JsonGenerator j = JSON_FACTORY.createGenerator(object)) {
                j.writeStartObject();
                j.writeStringField(stats.by().option(), g.key());
                j.writeNumberField("requests", g.requests());
                j.writeNumberField("errors", g.errors());
                j.writeNumberField("error_pct", g.errorPercent(2));
                j.writeNumberField("prompt_tokens", g.promptTokens());
                j.writeNumberField("completion_tokens", g.completionTokens());
                j.writeNumberField("cost_usd", new BigDecimal(plain(g.cost())));
                nullableNumber(j, "p50_latency_ms", g.p50LatencyMs());
                nullableNumber(j, "p95_latency_ms", g.p95LatencyMs());
                j.writeEndObject();
            }
            out.write(first ? "\n" : ",\n");
            out.write(object.toString());
            first = false;
        }
        out.write(first ? "]\n" : "\n]\n");
    }

    private static void nullableNumber(JsonGenerator j, String name, Long value) throws IOException {
        if (value == null) {
            j.writeNullField(name);
        } else {
            j.writeNumberField(name, value);
        }
    }
}
