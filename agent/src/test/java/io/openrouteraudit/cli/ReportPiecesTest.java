package io.openrouteraudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openrouteraudit.cli.report.ChainStatus;
import io.openrouteraudit.cli.report.Formats;
import io.openrouteraudit.cli.report.Html;
import io.openrouteraudit.cli.report.ReportData;
import io.openrouteraudit.cli.report.ReportPage;
import io.openrouteraudit.cli.report.SvgCharts;
import io.openrouteraudit.cli.stats.GroupBy;
import io.openrouteraudit.cli.stats.TimeWindow;
import io.openrouteraudit.journal.StoredRecord;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The report's escaping, number formats, charts and bounded memory, without a journal on disk. */
class ReportPiecesTest {

    @Test
    void escapeTurnsMarkupIntoText() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;",
                Html.escape("<script>alert(\"x\")</script> & 'y'"));
        assertEquals("", Html.escape(null));
        assertEquals("plain/model-1.5", Html.escape("plain/model-1.5"));
    }

    @Test
    void escapeReplacesControlCharactersAndLoneSurrogatesButKeepsRealCharacters() {
        assertEquals("a\uFFFDb\uFFFDc\td\ne", Html.escape("a\u0000b\u0085c\td\ne"));
        assertEquals("\uFFFDx\uFFFD", Html.escape("\uD800x\uDC00"));
        assertEquals("mod\u00e8le \uD83D\uDE80", Html.escape("mod\u00e8le \uD83D\uDE80"));
    }

    @Test
    void shortenCutsByCodePointsWithAnEllipsis() {
        assertEquals("abc", Html.shorten("abc", 3));
        assertEquals("ab\u2026", Html.shorten("abcd", 3));
        assertEquals("\uD83D\uDE80\u2026", Html.shorten("\uD83D\uDE80\uD83D\uDE80\uD83D\uDE80", 2));
    }

    @Test
    void amountsAndCountsAreLocaleIndependent() {
        assertEquals("$0.0066", Formats.usd(0.0011 + 0.0022 + 0.0033));
        assertEquals("$12.50", Formats.usd(12.5));
        assertEquals("$0.00", Formats.usd(0));
        assertEquals("$0.00000052", Formats.usd(0.00000052));
        assertEquals("$1234567.89", Formats.usd(1234567.89));
        assertEquals("1,234,567", Formats.count(1234567));
        assertEquals("33.3%", Formats.percent(1, 3));
        assertEquals("\u2013", Formats.percent(0, 0));
        assertEquals("0.3", Formats.tick(0.1 * 3));
        assertEquals("1 request", Formats.counted(1, "request"));
        assertEquals("0 errors", Formats.counted(0, "error"));
    }

    @Test
    void chartsHaveOneRectPerBarAxesAndEscapedTooltips() {
        List<SvgCharts.Bar> bars = List.of(new SvgCharts.Bar("a<b", "a<b: 3", 3), new SvgCharts.Bar("c", "c: 0", 0),
                new SvgCharts.Bar("d", "d: 7.5", 7.5));
        String columns = SvgCharts.columns("c1", "T", "unit", bars, SvgCharts.Scale.AMOUNT, Formats::tick, "cost");
        String rows = SvgCharts.rows("r1", "T", bars, SvgCharts.Scale.COUNT, Formats::tick, Formats::tick, "requests");
        for (String svg : List.of(columns, rows)) {
            assertEquals(3, count(svg, "<rect class=\"bar\""), svg);
            assertEquals(2, count(svg, "<line class=\"axis\""), svg);
            assertTrue(svg.contains("<title>a&lt;b: 3</title>"), svg);
            assertFalse(svg.contains("a<b"), svg);
            assertFalse(svg.contains("NaN") || svg.contains("Infinity"), svg);
        }
        assertTrue(columns.contains(">8</text>"), "the axis reaches a round 8 above 7.5: " + columns);
        assertFalse(columns.contains(">10</text>"), columns);
    }

    @Test
    void chartsOfZerosStillHaveAnAxis() {
        String svg = SvgCharts.columns("z", "T", "u", List.of(new SvgCharts.Bar("x", "x", 0)), SvgCharts.Scale.COUNT,
                Formats::tick, "requests");
        assertFalse(svg.contains("NaN"), svg);
        assertEquals(1, count(svg, "<rect class=\"bar\""));
    }

    @Test
    void longSpansAreChartedPerMonth() throws IOException {
        ReportData data = new ReportData(TimeWindow.ALL);
        data.accept(record(1, "2024-01-15T00:00:00Z", List.of()));
        data.accept(record(2, "2026-03-02T00:00:00Z", List.of()));
        String html = page(data);
        Matcher m = Pattern.compile("<svg id=\"chart-requests-per-day\".*?</svg>", Pattern.DOTALL).matcher(html);
        assertTrue(m.find());
        assertEquals(27, count(m.group(), "<rect class=\"bar\""), "2024-01 to 2026-03");
        assertTrue(html.contains("Requests per month"), html);
    }

    @Test
    void memoryStaysBoundedForTheViolationList() {
        ReportData data = new ReportData(TimeWindow.ALL);
        for (int i = 1; i <= 10_000; i++) {
            data.accept(record(i, "2026-11-20T00:00:00Z", List.of("budget")));
        }
        assertEquals(10_000, data.violatingRecords());
        assertEquals(ReportData.LATEST_VIOLATIONS, data.latestViolations().size());
        assertEquals(10_000, data.latestViolations().get(0).seq());
        assertEquals(10_000L, data.groups(GroupBy.POLICY).get(0).requests());
    }

    @Test
    void unreadableLinesAreCountedNotFatal() throws IOException {
        ReportData data = new ReportData(TimeWindow.ALL);
        data.accept("not json");
        data.accept("{\"seq\":1,\"timestamp\":\"yesterday\"}");
        data.accept(record(2, "2026-11-20T00:00:00Z", List.of()));
        assertEquals(2, data.unreadable());
        assertEquals(1, data.total().requests());
        assertEquals(1, data.groups(GroupBy.MODEL).size());
        assertTrue(page(data).contains("2 stored entries are not readable records"));
    }

    @Test
    void aRetiredChainStartIsNamed() {
        ChainStatus status = new ChainStatus(true, 40, 61, -1, null);
        assertEquals("OK 40 records (chain starts at seq 61)", status.verifyLine());
        assertEquals("seq 61 (older records were retired)", status.start());
    }

    private static String page(ReportData data) throws IOException {
        StringWriter w = new StringWriter();
        new ReportPage(data, new ChainStatus(true, 2, 1, -1, null), "/j", Instant.EPOCH).writeTo(w);
        return w.toString();
    }

    private static StoredRecord record(long seq, String timestamp, List<String> violations) {
        return new StoredRecord("{}", seq, Instant.parse(timestamp), "gen-" + seq, "okhttp", "/api/v1/chat/completions",
                "m", "m", "p", false, 200L, "success", null, 1L, 1L, null, null, 0.001, 10L, null, "u", "k",
                violations);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

}
