package io.openrouteraudit.cli.report;

import io.openrouteraudit.cli.report.SvgCharts.Bar;
import io.openrouteraudit.cli.report.SvgCharts.Scale;
import io.openrouteraudit.cli.stats.GroupBy;
import io.openrouteraudit.cli.stats.GroupStats;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The report as one HTML page: inline CSS and inline SVG only, no script, and a Content
 * Security Policy that forbids every fetch, so it opens (and stays) offline. Every text that
 * comes from the journal goes through {@link Html#escape}.
 */
public final class ReportPage {

    /** How many users and keys the report ranks. */
    public static final int TOP = 10;
    /** Models drawn in the per-model charts (the table lists them all). */
    static final int CHART_MODELS = 25;
    /** Beyond this many days the time charts count per month. */
    static final int MAX_DAY_BARS = 366;

    private static final String CSS = """
            :root{color-scheme:light}
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;margin:0;\
            background:#f4f6f8;color:#1d2733;line-height:1.4}
            main{max-width:1040px;margin:0 auto;padding:24px 28px 48px}
            h1{font-size:1.6rem;margin:0 0 4px}h2{font-size:1.2rem;margin:32px 0 10px;border-bottom:1px solid #d5dbe1;\
            padding-bottom:4px}h3{font-size:1rem;margin:18px 0 6px}
            .meta{color:#55606c;font-size:.9rem;margin:0}
            .chain{border-radius:8px;padding:14px 18px;margin:18px 0;border:2px solid}
            .chain .verdict{font-size:1.35rem;font-weight:700;margin:0;word-break:break-word}
            .chain p{margin:4px 0 0}
            .chain.ok{background:#e8f6ec;border-color:#2e8b57;color:#14532d}
            .chain.failed{background:#fdecea;border-color:#c0392b;color:#7f1d1d}
            .chain.failed .verdict{font-size:1.6rem}
            .cards{display:grid;grid-template-columns:repeat(4,1fr);gap:10px}
            .card{background:#fff;border:1px solid #d5dbe1;border-radius:6px;padding:10px 12px}
            .card .k{font-size:.8rem;color:#55606c;text-transform:uppercase;letter-spacing:.03em}
            .card .v{font-size:1.3rem;font-weight:650;word-break:break-word}
            .card.small .v{font-size:.9rem;white-space:pre-line;word-break:normal}
            table{border-collapse:collapse;width:100%;background:#fff;font-size:.85rem;margin:6px 0 12px}
            th,td{border:1px solid #d5dbe1;padding:4px 7px;text-align:left;vertical-align:top}
            th{background:#eef1f4;font-weight:600}th.n{text-align:right}
            td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            td.name{min-width:12em;overflow-wrap:anywhere}#table-latest-violations td.name{min-width:6em}
            .empty{background:#fff;border:1px dashed #aab4be;border-radius:6px;padding:12px;color:#55606c}
            .note{color:#55606c;font-size:.85rem}
            svg.chart{display:block;width:100%;height:auto;background:#fff;border:1px solid #d5dbe1;\
            border-radius:6px;margin:6px 0 14px;font-size:12px}
            svg .grid{stroke:#e3e7eb;stroke-width:1}svg .axis{stroke:#4b5563;stroke-width:1.2}
            svg .tick,svg .label,svg .value{fill:#374151}svg .axis-title{fill:#55606c;font-size:12px}
            svg.cost .bar{fill:#2f6fb0}svg.requests .bar{fill:#3a9a5b}svg.errors .bar{fill:#c0392b}
            svg .bar:hover{opacity:.75}
            footer{margin-top:36px;color:#55606c;font-size:.85rem}
            """;

    private final ReportData data;
    private final ChainStatus chain;
    private final String journal;
    private final Instant generatedAt;

    public ReportPage(ReportData data, ChainStatus chain, String journal, Instant generatedAt) {
        this.data = data;
        this.chain = chain;
        this.journal = journal;
        this.generatedAt = generatedAt.truncatedTo(ChronoUnit.SECONDS);
    }

    public void writeTo(Writer w) throws IOException {
        w.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                + "img-src 'none'; base-uri 'none'; form-action 'none'\">\n");
        w.write("<meta name=\"referrer\" content=\"no-referrer\">\n");
        w.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        w.write("<title>OpenRouter audit report \u2013 " + Html.escape(chain.verifyLine()) + "</title>\n");
        w.write("<style>\n" + CSS + "</style>\n</head>\n<body>\n<main>\n");
        header(w);
        chainStatus(w);
        totals(w);
        perDay(w);
        perModel(w);
        providers(w);
        topUsersAndKeys(w);
        violations(w);
        w.write("<footer id=\"generated\">Generated at <time datetime=\"" + Formats.instant(generatedAt) + "\">"
                + Formats.instant(generatedAt) + "</time> by <code>openrouter-audit-agent report</code> from "
                + "<code>" + Html.escape(journal) + "</code>. Self-contained: no script, no external resource.</footer>\n");
        w.write("</main>\n</body>\n</html>\n");
    }

    private void header(Writer w) throws IOException {
        w.write("<header>\n<h1>OpenRouter audit report</h1>\n");
        w.write("<p class=\"meta\">Journal <code>" + Html.escape(journal) + "</code> \u00b7 generated at "
                + Formats.instant(generatedAt) + "</p>\n");
        if (!data.window().isOpen()) {
            w.write("<p class=\"meta\" id=\"window\">Records from "
                    + (data.window().since() == null ? "the start" : Formats.instant(data.window().since())) + " to "
                    + (data.window().until() == null ? "the end" : "before " + Formats.instant(data.window().until()))
                    + " (" + Formats.count(data.outsideWindow()) + " records outside this window left out)</p>\n");
        }
        w.write("</header>\n");
    }

    private void chainStatus(Writer w) throws IOException {
        String state = chain.intact() ? "ok" : "failed";
        w.write("<section id=\"chain\" class=\"chain " + state + "\">\n");
        w.write("<p class=\"verdict\" id=\"chain-verdict\">" + (chain.intact() ? "Chain intact: " : "\u26a0 Chain broken: ")
                + Html.escape(chain.verifyLine()) + "</p>\n");
        w.write("<p>The verified chain starts at " + Html.escape(chain.start()) + ".</p>\n");
        if (!chain.intact()) {
            w.write("<p><strong>The journal has been altered or damaged at seq " + chain.firstBadSeq()
                    + ".</strong> The figures below include every readable record, also those from seq "
                    + chain.firstBadSeq() + " on, which the chain no longer vouches for.</p>\n");
        }
        if (data.unreadable() > 0) {
            w.write("<p>" + Formats.count(data.unreadable()) + " stored entries are not readable records and are left "
                    + "out of every figure.</p>\n");
        }
        w.write("</section>\n");
    }

    private void totals(Writer w) throws IOException {
        GroupStats t = data.total();
        w.write("<section id=\"totals\">\n<h2>Totals</h2>\n<div class=\"cards\">\n");
        card(w, "requests", "Requests", Formats.count(t.requests()), "");
        card(w, "errors", "Errors", Formats.count(t.errors()), "");
        card(w, "error-rate", "Error rate", Formats.percent(t.errors(), t.requests()), "");
        card(w, "cost", "Cost", Formats.usd(t.cost()), "");
        card(w, "prompt-tokens", "Prompt tokens", Formats.count(t.promptTokens()), "");
        card(w, "completion-tokens", "Completion tokens", Formats.count(t.completionTokens()), "");
        card(w, "tokens", "Total tokens", Formats.count(t.promptTokens() + t.completionTokens()), "");
        card(w, "without-cost", "Records without cost", Formats.count(t.requests() - t.recordsWithCost()), "");
        String period = data.first() == null ? "no dated record"
                : Formats.time(data.first()) + " \u2013\n" + Formats.time(data.last());
        card(w, "period", "Period covered", period, " small");
        card(w, "latency", "Latency p50 \u00b7 p95", Formats.millis(t.p50LatencyMs()) + " \u00b7 "
                + Formats.millis(t.p95LatencyMs()), "");
        card(w, "users-keys", "Users \u00b7 keys", Formats.count(data.distinct(GroupBy.USER)) + " \u00b7 "
                + Formats.count(data.distinct(GroupBy.KEY)), "");
        card(w, "violations", "Records with policy violations", Formats.count(data.violatingRecords()), "");
        w.write("</div>\n");
        if (data.undated() > 0) {
            w.write("<p class=\"note\">" + Formats.count(data.undated())
                    + " records have no timestamp: counted in the totals, on no day.</p>\n");
        }
        w.write("</section>\n");
    }

    private static void card(Writer w, String id, String key, String value, String extraClass) throws IOException {
        w.write("<div class=\"card" + extraClass + "\" id=\"total-" + id + "\"><div class=\"k\">" + Html.escape(key)
                + "</div><div class=\"v\">" + Html.escape(value) + "</div></div>\n");
    }

    /** One bar of the time charts: a day, or a month when the period is long. */
    private record Bucket(String label, long requests, long errors, BigDecimal cost) {
        Bucket plus(GroupStats g) {
            return new Bucket(label, requests + g.requests(), errors + g.errors(), cost.add(g.cost()));
        }
    }

    private void perDay(Writer w) throws IOException {
        w.write("<section id=\"per-day\">\n");
        List<GroupStats> days = datedDays();
        boolean monthly = monthly(days);
        String unit = monthly ? "month" : "day";
        w.write("<h2>Cost and requests per " + unit + " (UTC)</h2>\n");
        if (days.isEmpty()) {
            w.write("<p class=\"empty\">No dated records in this period.</p>\n</section>\n");
            return;
        }
        List<Bar> cost = new ArrayList<>();
        List<Bar> requests = new ArrayList<>();
        for (Bucket b : timeBuckets(days, monthly)) {
            cost.add(new Bar(b.label(), b.label() + ": " + Formats.usd(b.cost()) + " ("
                    + Formats.counted(b.requests(), "request") + ")", b.cost().doubleValue()));
            requests.add(new Bar(b.label(), b.label() + ": " + Formats.counted(b.requests(), "request") + ", "
                    + Formats.counted(b.errors(), "error"), b.requests()));
        }
        w.write("<h3>Cost per " + unit + "</h3>\n");
        w.write(SvgCharts.columns("chart-cost-per-day", "Cost per " + unit + " (USD)", "USD", cost, Scale.AMOUNT,
                v -> "$" + Formats.tick(v), "cost"));
        w.write("\n<h3>Requests per " + unit + "</h3>\n");
        w.write(SvgCharts.columns("chart-requests-per-day", "Requests per " + unit, "requests", requests, Scale.COUNT,
                Formats::tick, "requests"));
        w.write("\n</section>\n");
    }

    /** The day groups that have a date, oldest first. */
    private List<GroupStats> datedDays() {
        return data.groups(GroupBy.DAY).stream().filter(g -> g.key() != null).toList();
    }

    private static boolean monthly(List<GroupStats> days) {
        return !days.isEmpty() && ChronoUnit.DAYS.between(LocalDate.parse(days.get(0).key()),
                LocalDate.parse(days.get(days.size() - 1).key())) + 1 > MAX_DAY_BARS;
    }

    /** Every day (or month) from the first to the last, empty ones included, so the axis is time. */
    private static List<Bucket> timeBuckets(List<GroupStats> days, boolean monthly) {
        Map<String, Bucket> buckets = new LinkedHashMap<>();
        LocalDate firstDay = LocalDate.parse(days.get(0).key());
        LocalDate lastDay = LocalDate.parse(days.get(days.size() - 1).key());
        if (monthly) {
            for (YearMonth m = YearMonth.from(firstDay); !m.isAfter(YearMonth.from(lastDay)); m = m.plusMonths(1)) {
                buckets.put(m.toString(), new Bucket(m.toString(), 0, 0, BigDecimal.ZERO));
            }
        } else {
            for (LocalDate d = firstDay; !d.isAfter(lastDay); d = d.plusDays(1)) {
                buckets.put(d.toString(), new Bucket(d.toString(), 0, 0, BigDecimal.ZERO));
            }
        }
        for (GroupStats day : days) {
            String label = monthly ? YearMonth.from(LocalDate.parse(day.key())).toString() : day.key();
            buckets.computeIfPresent(label, (k, b) -> b.plus(day));
        }
        return List.copyOf(buckets.values());
    }

    private void perModel(Writer w) throws IOException {
        w.write("<section id=\"per-model\">\n<h2>Per model</h2>\n");
        List<GroupStats> models = data.groups(GroupBy.MODEL);
        if (models.isEmpty()) {
            w.write("<p class=\"empty\">No records in this period.</p>\n</section>\n");
            return;
        }
        List<GroupStats> drawn = models.subList(0, Math.min(CHART_MODELS, models.size()));
        if (drawn.size() < models.size()) {
            w.write("<p class=\"note\">The charts show the " + drawn.size() + " most costly of " + models.size()
                    + " models; the table lists them all.</p>\n");
        }
        w.write("<h3>Cost per model</h3>\n");
        w.write(SvgCharts.rows("chart-cost-per-model", "Cost per model (USD)",
                bars(drawn, g -> g.cost().doubleValue(), g -> g.label() + ": " + Formats.usd(g.cost())), Scale.AMOUNT,
                v -> "$" + Formats.tick(v), Formats::usd, "cost"));
        w.write("\n<h3>Requests per model</h3>\n");
        w.write(SvgCharts.rows("chart-requests-per-model", "Requests per model",
                bars(drawn, g -> g.requests(), g -> g.label() + ": " + Formats.counted(g.requests(), "request")),
                Scale.COUNT, Formats::tick, v -> Formats.count(Math.round(v)), "requests"));
        w.write("\n<h3>Error rate per model</h3>\n");
        w.write(SvgCharts.rows("chart-error-rate-per-model", "Error rate per model (%)",
                bars(drawn, GroupStats::errorPercent, g -> g.label() + ": " + Formats.percent(g.errors(), g.requests())
                        + " (" + Formats.count(g.errors()) + " of " + Formats.count(g.requests()) + ")"),
                Scale.PERCENT, v -> Formats.tick(v) + "%", v -> Formats.tick(Math.round(v * 10) / 10.0) + "%",
                "errors"));
        w.write("\n");
        groupTable(w, "table-models", "model", models);
        w.write("</section>\n");
    }

    private interface Tooltip {
        String of(GroupStats g);
    }

    private static List<Bar> bars(List<GroupStats> groups, ToDoubleFunction<GroupStats> value, Tooltip tooltip) {
        List<Bar> bars = new ArrayList<>(groups.size());
        for (GroupStats g : groups) {
            bars.add(new Bar(g.label(), tooltip.of(g), value.applyAsDouble(g)));
        }
        return bars;
    }

    private void providers(Writer w) throws IOException {
        w.write("<section id=\"providers\">\n<h2>Providers</h2>\n");
        List<GroupStats> providers = data.groups(GroupBy.PROVIDER);
        if (providers.isEmpty()) {
            w.write("<p class=\"empty\">No records in this period.</p>\n");
        } else {
            groupTable(w, "table-providers", "provider", providers);
        }
        w.write("</section>\n");
    }

    private void topUsersAndKeys(Writer w) throws IOException {
        w.write("<section id=\"top-users\">\n<h2>Top users by cost</h2>\n");
        List<GroupStats> users = data.top(GroupBy.USER, TOP);
        if (users.isEmpty()) {
            w.write("<p class=\"empty\">No records in this period.</p>\n");
        } else {
            w.write("<p class=\"note\">The top " + users.size() + " of " + Formats.count(data.distinct(GroupBy.USER))
                    + " user ids (as redacted in the journal).</p>\n");
            groupTable(w, "table-users", "user id", users);
        }
        w.write("</section>\n<section id=\"top-keys\">\n<h2>Top keys by cost</h2>\n");
        List<GroupStats> keys = data.top(GroupBy.KEY, TOP);
        if (keys.isEmpty()) {
            w.write("<p class=\"empty\">No records in this period.</p>\n");
        } else {
            w.write("<p class=\"note\">The top " + keys.size() + " of " + Formats.count(data.distinct(GroupBy.KEY))
                    + " API keys, by fingerprint (never the key).</p>\n");
            groupTable(w, "table-keys", "key fingerprint", keys);
        }
        w.write("</section>\n");
    }

    private void groupTable(Writer w, String id, String what, List<GroupStats> groups) throws IOException {
        BigDecimal totalCost = data.total().cost();
        w.write("<table id=\"" + id + "\">\n<thead><tr><th>" + Html.escape(what) + "</th><th class=\"n\">requests</th>"
                + "<th class=\"n\">errors</th><th class=\"n\">error rate</th><th class=\"n\">prompt tokens</th>"
                + "<th class=\"n\">completion tokens</th><th class=\"n\">cost</th><th class=\"n\">share of cost</th>"
                + "<th class=\"n\">p50 latency</th><th class=\"n\">p95 latency</th></tr></thead>\n<tbody>\n");
        for (GroupStats g : groups) {
            String share = totalCost.signum() > 0
                    ? String.format(Locale.ROOT, "%.1f%%", g.cost().multiply(BigDecimal.valueOf(100))
                            .divide(totalCost, MathContext.DECIMAL64).doubleValue())
                    : "\u2013";
            w.write("<tr><td class=\"name\">" + Html.escape(g.label()) + "</td><td class=\"n\">"
                    + Formats.count(g.requests()) + "</td><td class=\"n\">" + Formats.count(g.errors())
                    + "</td><td class=\"n\">" + Formats.percent(g.errors(), g.requests()) + "</td><td class=\"n\">"
                    + Formats.count(g.promptTokens()) + "</td><td class=\"n\">" + Formats.count(g.completionTokens())
                    + "</td><td class=\"n\">" + Formats.usd(g.cost()) + "</td><td class=\"n\">" + share
                    + "</td><td class=\"n\">" + Formats.millis(g.p50LatencyMs()) + "</td><td class=\"n\">"
                    + Formats.millis(g.p95LatencyMs()) + "</td></tr>\n");
        }
        w.write("</tbody>\n</table>\n");
    }

    private void violations(Writer w) throws IOException {
        w.write("<section id=\"violations\">\n<h2>Policy violations</h2>\n");
        if (data.violatingRecords() == 0) {
            w.write("<p class=\"empty\" id=\"violations-empty\">No policy violations in this period.</p>\n</section>\n");
            return;
        }
        w.write("<p>" + Formats.count(data.violatingRecords()) + " records broke at least one policy rule.</p>\n");
        w.write("<table id=\"table-violation-rules\">\n<thead><tr><th>rule</th><th class=\"n\">records</th>"
                + "<th class=\"n\">cost</th></tr></thead>\n<tbody>\n");
        for (GroupStats rule : data.groups(GroupBy.POLICY)) {
            w.write("<tr><td class=\"name\">" + Html.escape(rule.label()) + "</td><td class=\"n\">"
                    + Formats.count(rule.requests()) + "</td><td class=\"n\">" + Formats.usd(rule.cost())
                    + "</td></tr>\n");
        }
        w.write("</tbody>\n</table>\n");
        List<ReportData.Violation> latest = data.latestViolations();
        w.write("<h3>Latest violating records</h3>\n<p class=\"note\">The last " + latest.size()
                + " in journal order, newest first.</p>\n");
        w.write("<table id=\"table-latest-violations\">\n<thead><tr><th class=\"n\">seq</th><th>timestamp</th>"
                + "<th>model</th><th>provider</th><th>user id</th><th>key</th><th>status</th><th>rules</th></tr></thead>"
                + "\n<tbody>\n");
        for (ReportData.Violation v : latest) {
            w.write("<tr><td class=\"n\">" + v.seq() + "</td><td>" + Formats.time(v.timestamp()) + "</td><td class=\"name\">"
                    + Html.escape(orDash(v.model())) + "</td><td class=\"name\">" + Html.escape(orDash(v.provider()))
                    + "</td><td class=\"name\">" + Html.escape(orDash(v.userId())) + "</td><td class=\"name\">"
                    + Html.escape(orDash(v.keyFingerprint())) + "</td><td>" + Html.escape(orDash(v.status()))
                    + "</td><td class=\"name\">" + Html.escape(String.join(", ", v.rules())) + "</td></tr>\n");
        }
        w.write("</tbody>\n</table>\n</section>\n");
    }

    private static String orDash(String s) {
        return s == null ? "\u2013" : s;
    }
}
