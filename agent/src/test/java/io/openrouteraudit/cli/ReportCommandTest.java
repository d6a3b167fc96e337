package io.openrouteraudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openrouteraudit.cli.report.Html;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report} over a journal of known records: the figures, the charts, the escaping, and the chain. */
class ReportCommandTest {

    static final String EVIL_MODEL = "<script>alert(1)</script>";
    static final String EVIL_USER = "<img src=x onerror=alert(1)>";

    @TempDir
    Path tmp;
    private Path dir;
    private Path out;

    /** Five records over four days (one of them empty), three models, three providers, four users, two keys. */
    static ReportJournal knownRecords() {
        return new ReportJournal()
                .add("2026-11-20T09:00:00Z", "openai/gpt-4o", "OpenAI", "success", 0.0011, 100L, 20L, "alice",
                        "aaaaaaaaaaa1")
                .add("2026-11-20T15:30:00Z", "openai/gpt-4o", "OpenAI", "success", 0.0022, 200L, 40L, "alice",
                        "aaaaaaaaaaa1")
                .add("2026-11-22T08:00:00Z", "anthropic/claude-sonnet-4", "Anthropic", "success", 0.0100, 1000L,
                        300L, "bob", "bbbbbbbbbbb2", "model", "budget")
                .add("2026-11-22T10:00:00Z", EVIL_MODEL, null, "error", null, null, null, EVIL_USER,
                        "bbbbbbbbbbb2", "model")
                .add("2026-11-23T12:00:00Z", "openai/gpt-4o", "OpenAI", "success", 0.0033, 300L, 60L, "carol",
                        "aaaaaaaaaaa1");
    }

    @BeforeEach
    void writeJournal() throws IOException {
        dir = knownRecords().writeTo(tmp.resolve("journal"));
        out = tmp.resolve("report.html");
    }

    static CliRun report(String... args) {
        return CliRun.of(args);
    }

    private String html() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    static String card(String html, String id) {
        Matcher m = Pattern.compile("id=\"total-" + id + "\"><div class=\"k\">[^<]*</div><div class=\"v\">([^<]*)</div>")
                .matcher(html);
        assertTrue(m.find(), "card " + id);
        return m.group(1);
    }

    static String svg(String html, String id) {
        Matcher m = Pattern.compile("<svg id=\"" + id + "\".*?</svg>", Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), "chart " + id + " is in the page");
        return m.group();
    }

    static List<String> barTooltips(String svg) {
        Matcher m = Pattern.compile("<rect class=\"bar\"[^>]*><title>([^<]*)</title></rect>").matcher(svg);
        List<String> tips = new ArrayList<>();
        while (m.find()) {
            tips.add(m.group(1));
        }
        return tips;
    }

    static List<List<String>> rows(String html, String tableId) {
        Matcher t = Pattern.compile("<table id=\"" + tableId + "\">.*?<tbody>(.*?)</tbody>", Pattern.DOTALL)
                .matcher(html);
        assertTrue(t.find(), "table " + tableId);
        List<List<String>> rows = new ArrayList<>();
        Matcher r = Pattern.compile("<tr>(.*?)</tr>").matcher(t.group(1));
        while (r.find()) {
            List<String> cells = new ArrayList<>();
            Matcher c = Pattern.compile("<td[^>]*>(.*?)</td>").matcher(r.group(1));
            while (c.find()) {
                cells.add(c.group(1));
            }
            rows.add(cells);
        }
        return rows;
    }

    @Test
    void intactJournalGivesExit0AndVerifysOwnLine() throws IOException {
        CliRun run = report("report", "--dir", dir.toString(), "--out", out.toString());

        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals("", run.err());
        String verifyLine = CliRun.of("verify", "--dir", dir.toString()).outLines().get(0);
        assertEquals("OK 5 records", verifyLine);
        assertEquals(verifyLine, run.outLines().get(0));
        assertTrue(run.outLines().get(1).endsWith(out.toAbsolutePath().toString()), run.out());
        String html = html();
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("class=\"chain ok\""), html);
        assertTrue(html.contains("Chain intact: OK 5 records</p>"), html);
        assertTrue(html.contains("The verified chain starts at seq 1 (the journal&#39;s first record)."), html);
    }

    @Test
    void totalsAreTheSumsOfTheKnownRecords() throws IOException {
        assertEquals(0, report("report", "--dir", dir.toString(), "--out", out.toString()).exit());
        String html = html();

        assertEquals("5", card(html, "requests"));
        assertEquals("1", card(html, "errors"));
        assertEquals("20.0%", card(html, "error-rate"));
        assertEquals("$0.0166", card(html, "cost"));
        assertEquals("1,600", card(html, "prompt-tokens"));
        assertEquals("420", card(html, "completion-tokens"));
        assertEquals("2,020", card(html, "tokens"));
        assertEquals("1", card(html, "without-cost"));
        assertEquals("2026-11-20T09:00:00.000Z \u2013\n2026-11-23T12:00:00.000Z", card(html, "period"));
        assertEquals("4 \u00b7 2", card(html, "users-keys"));
        assertEquals("103 ms \u00b7 105 ms", card(html, "latency"));
        assertEquals("2", card(html, "violations"));
    }

    @Test
    void perDayChartsHaveOneBarPerDayIncludingTheEmptyDay() throws IOException {
        assertEquals(0, report("report", "--dir", dir.toString(), "--out", out.toString()).exit());
        String html = html();

        assertEquals(List.of("2026-11-20: $0.0033 (2 requests)", "2026-11-21: $0.00 (0 requests)",
                        "2026-11-22: $0.01 (2 requests)", "2026-11-23: $0.0033 (1 request)"),
                barTooltips(svg(html, "chart-cost-per-day")));
        assertEquals(List.of("2026-11-20: 2 requests, 0 errors", "2026-11-21: 0 requests, 0 errors",
                        "2026-11-22: 2 requests, 1 error", "2026-11-23: 1 request, 0 errors"),
                barTooltips(svg(html, "chart-requests-per-day")));
        String costChart = svg(html, "chart-cost-per-day");
        assertTrue(costChart.contains("<title id=\"chart-cost-per-day-title\">Cost per day (USD)</title>"), costChart);
        assertTrue(costChart.contains("class=\"axis\""), "has axes");
        assertTrue(costChart.contains(">2026-11-21</text>"), "labels every day: " + costChart);
        assertTrue(costChart.contains(">$0.01</text>"), "value axis ticks: " + costChart);
    }

    @Test
    void perModelChartsAndTableRankModelsByCost() throws IOException {
        assertEquals(0, report("report", "--dir", dir.toString(), "--out", out.toString()).exit());
        String html = html();
        String evil = Html.escape(EVIL_MODEL);

        assertEquals(List.of("anthropic/claude-sonnet-4: $0.01", "openai/gpt-4o: $0.0066", evil + ": $0.00"),
                barTooltips(svg(html, "chart-cost-per-model")));
        assertEquals(List.of("anthropic/claude-sonnet-4: 1 request", "openai/gpt-4o: 3 requests",
                        evil + ": 1 request"),
                barTooltips(svg(html, "chart-requests-per-model")));
        assertEquals(List.of("anthropic/claude-sonnet-4: 0.0% (0 of 1)", "openai/gpt-4o: 0.0% (0 of 3)",
                        evil + ": 100.0% (1 of 1)"),
                barTooltips(svg(html, "chart-error-rate-per-model")));
        assertEquals(List.of(
                        List.of("anthropic/claude-sonnet-4", "1", "0", "0.0%", "1,000", "300", "$0.01", "60.2%",
                                "103 ms", "103 ms"),
                        List.of("openai/gpt-4o", "3", "0", "0.0%", "600", "120", "$0.0066", "39.8%", "102 ms",
                                "105 ms"),
                        List.of(evil, "1", "1", "100.0%", "0", "0", "$0.00", "0.0%", "104 ms", "104 ms")),
                rows(html, "table-models"));
    }

    @Test
    void providersUsersAndKeysAreTabulatedByCost() throws IOException {
        assertEquals(0, report("report", "--dir", dir.toString(), "--out", out.toString()).exit());
        String html = html();

        assertEquals(List.of("Anthropic", "OpenAI", "(none)"),
                rows(html, "table-providers").stream().map(r -> r.get(0)).toList());
        assertEquals(List.of("3", "0", "0.0%", "600", "120", "$0.0066"), rows(html, "table-providers").get(1).subList(1, 7));
        assertEquals(List.of("bob", "alice", "carol", Html.escape(EVIL_USER)),
                rows(html, "table-users").stream().map(r -> r.get(0)).toList());
        assertEquals("$0.0033", rows(html, "table-users").get(1).get(6));
        assertEquals(List.of("bbbbbbbbbbb2", "aaaaaaaaaaa1"),
                rows(html, "table-keys").stream().map(r -> r.get(0)).toList());
        assertEquals(List.of("2", "1", "50.0%", "1,000", "300", "$0.01"), rows(html, "table-keys").get(0).subList(1, 7));
    }

    @Test
    void policyViolationsAreCountedPerRuleAndTheLatestListedNewestFirst() throws IOException {
        assertEquals(0, report("report", "--dir", dir.toString(), "--out", out.toString()).exit());
        String html = html();

        assertEquals(List.of(List.of("model", "2", "$0.01"), List.of("budget", "1", "$0.01")),
                rows(html, "table-violation-rules"));
        List<List<String>> latest = rows(html, "table-latest-violations");
        assertEquals(List.of("4", "3"), latest.stream().map(r -> r.get(0)).toList());
        assertEquals(List.of("4", "2026-11-22T10:00:00.000Z", Html.escape(EVIL_MODEL), "\u2013",
                Html.escape(EVIL_USER), "bbbbbbbbbbb2", "error", "model"), latest.get(0));
        assertEquals("model, budget", latest.get(1).get(7));
        assertFalse(html.contains("violations-empty"));
    }

    @Test
    void withoutViolationsTheSectionSaysSo() throws IOException {
        Path clean = new ReportJournal()
                .add("2026-11-20T09:00:00Z", "openai/gpt-4o", "OpenAI", "success", 0.5, 1L, 1L, "u", "k")
                .writeTo(tmp.resolve("clean"));
        assertEquals(0, report("report", "--dir", clean.toString(), "--out", out.toString()).exit());
        String html = html();
        assertTrue(html.contains("<p class=\"empty\" id=\"violations-empty\">No policy violations in this period.</p>"),
                html);
        assertEquals("$0.50", card(html, "cost"));
        assertEquals(1, barTooltips(svg(html, "chart-cost-per-day")).size());
    }

    @Test
    void everyJournalStringIsEscaped() throws IOException {
        assertEquals(0, report("report", "--dir", dir.toString(), "--out", out.toString()).exit());
        String html = html();

        assertFalse(html.contains(EVIL_MODEL), "the model name must not become a script element");
        assertFalse(html.contains("<script"), "no script element at all");
        assertFalse(html.contains("<img"), "the user id must not become an image");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the name is shown, escaped");
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "the user id is shown, escaped");
    }

    @Test
    void quotesAmpersandsAndControlCharactersCannotBreakOutOfAttributesOrText() throws IOException {
        String model = "x/\"onmouseover='alert(1)' & <b>\u0000\u001b";
        Path odd = new ReportJournal()
                .add("2026-11-20T09:00:00Z", model, "P\"rov", "success", 0.1, 1L, 1L, "u&me", "k")
                .writeTo(tmp.resolve("odd"));
        assertEquals(0, report("report", "--dir", odd.toString(), "--out", out.toString()).exit());
        String html = html();

        assertFalse(html.contains("\"onmouseover"), html);
        assertFalse(html.contains("<b>"), html);
        assertFalse(html.contains("\u0000"), html);
        assertFalse(html.contains("\u001b"), html);
        assertTrue(html.contains("x/&quot;onmouseover=&#39;alert(1)&#39; &amp; &lt;b&gt;\uFFFD\uFFFD"), html);
        assertTrue(html.contains("P&quot;rov"), html);
        assertTrue(html.contains("u&amp;me"), html);
    }

    @Test
    void thePageReferencesNothingOutsideItself() throws IOException {
        String urlModel = "https://cdn.example/evil.js";
        Path withUrls = knownRecords()
                .add("2026-11-24T09:00:00Z", urlModel, "http://provider.example/", "success", 0.1, 1L, 1L,
                        "http://user.example/", "k")
                .writeTo(tmp.resolve("urls"));
        assertEquals(0, report("report", "--dir", withUrls.toString(), "--out", out.toString()).exit());
        String html = html();

        String withoutData = html.replace(Html.escape(urlModel), "")
                .replace(Html.escape("http://provider.example/"), "")
                .replace(Html.escape("http://user.example/"), "")
                .replace(Html.escape(EVIL_MODEL), "")
                .replace(Html.escape(EVIL_USER), "");
        assertFalse(withoutData.contains("http://"), "no http:// reference of the page's own");
        assertFalse(withoutData.contains("https://"), "no https:// reference of the page's own");
        assertFalse(html.contains("referer.example"), "the app referer is not part of the report");
        for (String fetching : List.of("<script", "<link", "<img", "<iframe", "<object", "<embed", "src=", "href=",
                "url(", "@import", "@font-face", "xlink:")) {
            assertFalse(withoutData.toLowerCase().contains(fetching), () -> "the page contains " + fetching);
        }
        assertTrue(html.contains("Content-Security-Policy\" content=\"default-src 'none';"), "CSP forbids fetching");
        assertTrue(html.contains("<style>"), "inline style");
    }

    @Test
    void generatedAtIsTheClocksTime() throws IOException {
        Instant now = Instant.parse("2026-11-24T08:15:42.345Z");
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        int exit;
        try (PrintStream p = new PrintStream(o, true, StandardCharsets.UTF_8)) {
            exit = new ReportCommandRunner(Clock.fixed(now, ZoneOffset.UTC)).run(p,
                    "--dir", dir.toString(), "--out", out.toString());
        }
        assertEquals(0, exit);
        String html = html();
        assertTrue(html.contains("<footer id=\"generated\">Generated at <time datetime=\"2026-11-24T08:15:42Z\">"
                + "2026-11-24T08:15:42Z</time>"), html);
    }

    @Test
    void sinceAndUntilKeepOnlyTheWindowButTheChainIsCheckedWhole() throws IOException {
        CliRun run = report("report", "--dir", dir.toString(), "--out", out.toString(), "--since", "2026-11-22",
                "--until", "2026-11-23");
        assertEquals(0, run.exit(), run.err());
        assertEquals("OK 5 records", run.outLines().get(0));
        String html = html();

        assertEquals("2", card(html, "requests"));
        assertEquals("$0.01", card(html, "cost"));
        assertEquals("50.0%", card(html, "error-rate"));
        assertEquals(List.of("2026-11-22: $0.01 (2 requests)"), barTooltips(svg(html, "chart-cost-per-day")));
        assertTrue(html.contains("Records from 2026-11-22T00:00:00Z to before 2026-11-23T00:00:00Z (3 records outside"
                + " this window left out)"), html);
    }

    @Test
    void anEmptyWindowStillGivesAPageWithEmptyStates() throws IOException {
        CliRun run = report("report", "--dir", dir.toString(), "--out", out.toString(), "--since", "2027-01-01");
        assertEquals(0, run.exit(), run.err());
        String html = html();
        assertEquals("0", card(html, "requests"));
        assertEquals("\u2013", card(html, "error-rate"));
        assertEquals("no dated record", card(html, "period"));
        assertTrue(html.contains("No dated records in this period."), html);
        assertTrue(html.contains("No policy violations in this period."), html);
        assertFalse(html.contains("<svg"), "no empty charts");
    }

    @Test
    void aBrokenChainStillGivesTheReportWithTheFailureOnTopAndExit1() throws IOException {
        JournalFiles.replaceOnce(dir, "\"total_cost\":0.01,", "\"total_cost\":0.00,");

        CliRun run = report("report", "--dir", dir.toString(), "--out", out.toString());

        assertEquals(1, run.exit(), run.out() + run.err());
        String verifyLine = CliRun.of("verify", "--dir", dir.toString()).outLines().get(0);
        assertTrue(verifyLine.startsWith("FAILED at seq 3: "), verifyLine);
        assertEquals(verifyLine, run.outLines().get(0));
        String html = html();
        assertTrue(html.contains("<section id=\"chain\" class=\"chain failed\">"), html);
        assertTrue(html.indexOf("class=\"chain failed\"") < html.indexOf("id=\"totals\""), "the failure comes first");
        assertTrue(html.contains("Chain broken: " + Html.escape(verifyLine) + "</p>"), html);
        assertTrue(html.contains("altered or damaged at seq 3"), html);
        assertTrue(html.contains("<title>OpenRouter audit report \u2013 FAILED at seq 3"), "even the tab says so");
        assertEquals("5", card(html, "requests"), "every readable record is still counted");
    }

    @Test
    void aJournalDamagedBelowTheRecordsIsOneLineAndNoReport() throws IOException {
        // Zero the Chronicle document header in front of record 2: a reader stops before it.
        Path file = JournalFiles.cycleFiles(dir).get(0);
        List<Long> at = JournalFiles.offsetsOf(file, "{\"schema\":1,\"seq\":2,");
        assertEquals(1, at.size());
        JournalFiles.write(file, at.get(0) - 4, new byte[4]);

        CliRun run = report("report", "--dir", dir.toString(), "--out", out.toString());

        assertEquals(1, run.exit(), run.out() + run.err());
        assertOneCleanErrorLine(run);
        assertTrue(run.err().contains("damaged"), run.err());
        assertFalse(Files.exists(out), "no report from an unreadable journal");
        assertNoTemporaryFiles();
    }

    @Test
    void anExistingReportIsReplaced() throws IOException {
        Files.writeString(out, "old");
        assertEquals(0, report("report", "--dir", dir.toString(), "--out", out.toString()).exit());
        assertTrue(html().startsWith("<!DOCTYPE html>"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)),
                "the page is owner-only, like the journal");
        assertNoTemporaryFiles();
    }

    @Test
    void missingJournalIsOneLineExit1AndNoFile() {
        Path missing = tmp.resolve("nope");
        CliRun run = report("report", "--dir", missing.toString(), "--out", out.toString());
        assertEquals(1, run.exit());
        assertOneCleanErrorLine(run);
        assertTrue(run.err().contains(missing.toString()), run.err());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(missing), "reading must not create the journal");
    }

    @Test
    void outInAMissingDirectoryIsOneLineExit1() throws IOException {
        Path nowhere = tmp.resolve("no-such-dir").resolve("r.html");
        CliRun run = report("report", "--dir", dir.toString(), "--out", nowhere.toString());
        assertEquals(1, run.exit());
        assertOneCleanErrorLine(run);
        assertTrue(run.err().contains("cannot write " + nowhere), run.err());
        assertEquals("", run.out());
    }

    @Test
    void outThatIsADirectoryIsOneLineExit1() {
        CliRun run = report("report", "--dir", dir.toString(), "--out", tmp.toString());
        assertEquals(1, run.exit());
        assertOneCleanErrorLine(run);
        assertTrue(run.err().contains("it is a directory"), run.err());
    }

    @Test
    void outInAReadOnlyDirectoryIsOneLineExit1() throws IOException {
        Path readOnly = Files.createDirectory(tmp.resolve("ro"));
        assertTrue(readOnly.toFile().setWritable(false, false));
        try {
            if (Files.isWritable(readOnly)) {
                return; // running as root: permissions do not stop us, the other cases cover the path
            }
            CliRun run = report("report", "--dir", dir.toString(), "--out", readOnly.resolve("r.html").toString());
            assertEquals(1, run.exit());
            assertOneCleanErrorLine(run);
            assertTrue(run.err().contains("permission denied"), run.err());
        } finally {
            readOnly.toFile().setWritable(true, false);
        }
    }

    @Test
    void argumentsAreChecked() {
        for (String[] args : List.of(
                new String[] {"report", "--dir", "x"},
                new String[] {"report", "--out", "r.html"},
                new String[] {"report", "--dir", "x", "--out"},
                new String[] {"report", "--dir", "x", "--out", "r.html", "--format", "pdf"},
                new String[] {"report", "--dir", "x", "--out", "r.html", "--since", "last week"},
                new String[] {"report", "--dir", "x", "--out", "r.html", "--since", "2026-11-23", "--until",
                    "2026-11-22"})) {
            CliRun run = report(args);
            assertEquals(2, run.exit(), String.join(" ", args));
            assertOneCleanErrorLine(run);
            assertEquals("", run.out());
        }
    }

    @Test
    void helpDescribesTheCommand() {
        CliRun run = report("report", "--help");
        assertEquals(0, run.exit());
        assertTrue(run.out().startsWith("usage: report --dir D --out F.html"), run.out());
        assertTrue(CliRun.of("--help").out().contains("report"), "listed in the overview");
    }

    private static void assertOneCleanErrorLine(CliRun run) {
        assertEquals(1, run.errLines().size(), () -> "stderr: " + run.err());
        String line = run.errLines().get(0);
        assertTrue(line.startsWith("openrouter-audit: report: "), line);
        assertFalse(run.err().contains("\tat "), "no stack trace");
        assertFalse(run.err().contains("Exception"), line);
    }

    private void assertNoTemporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
        }
    }

    /** The command with a fixed clock (AuditCli builds it with the system clock). */
    private record ReportCommandRunner(Clock clock) {
        int run(PrintStream out, String... args) {
            try {
                return new ReportCommand(clock).run(List.of(args), out, out);
            } catch (UsageException e) {
                throw new AssertionError(e.getMessage());
            }
        }
    }
}
