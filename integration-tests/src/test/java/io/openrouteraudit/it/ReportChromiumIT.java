package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report} end to end: a journal written by the agent's own writer (records over a week,
 * several models, users and keys), the command in a forked JVM, and the page opened in headless
 * Chromium (Debian's {@code chromium}): the charts must be in the rendered DOM with one bar per
 * day and per model, and the screenshot (kept under target/) must show them.
 */
class ReportChromiumIT {

    private static final int WIDTH = 1400;
    private static final int HEIGHT = 2000;
    /** The colours of the page's CSS: cost bars, request bars, and the two chain banners. */
    private static final int COST_BAR = 0x2f6fb0;
    private static final int REQUEST_BAR = 0x3a9a5b;
    private static final int OK_BANNER = 0xe8f6ec;
    private static final int FAILED_BANNER = 0xfdecea;

    @TempDir
    Path temp;

    @Test
    void theReportOpensOfflineInChromiumWithEveryChartDrawn() throws IOException {
        HeadlessChromium.require();
        Path journal = writeJournal("journal");
        Path page = temp.resolve("report.html");

        ForkedJvmResult report = AgentCli.run("report", "--dir", journal.toString(), "--out", page.toString());

        report.assertExitCode(0);
        int records = ReportJournalFixture.ROWS.size();
        assertEquals("OK " + records + " records", report.stdoutLines().get(0), report.describe());
        assertEquals("", report.stderr(), report.describe());
        assertEquals(AgentCli.verify(journal).stdoutLines().get(0), report.stdoutLines().get(0),
                "report states the chain exactly as verify does");

        String dom = HeadlessChromium.dumpDom(page);

        int days = days();
        int models = ReportJournalFixture.MODELS.size() + 1;
        assertEquals(days, bars(dom, "chart-cost-per-day"), "one bar per day, the empty day included");
        assertEquals(days, bars(dom, "chart-requests-per-day"));
        assertEquals(models, bars(dom, "chart-cost-per-model"));
        assertEquals(models, bars(dom, "chart-requests-per-model"));
        assertEquals(models, bars(dom, "chart-error-rate-per-model"));
        assertTrue(chart(dom, "chart-cost-per-day").contains(">" + ReportJournalFixture.EMPTY_DAY + "</text>"),
                "the empty day is on the axis");
        assertTrue(dom.contains("class=\"chain ok\""), "chain banner");
        assertEquals(String.valueOf(records), card(dom, "requests"));
        assertEquals(expectedCost(), card(dom, "cost"));

        // The markup-like model and user are text, not elements.
        assertFalse(dom.contains("<script"), "no script element in the rendered page");
        assertFalse(dom.contains("<svg onload"), "the user id is not an element");
        assertTrue(dom.contains("\"&gt;&lt;svg onload=alert(1)&gt;"), "the user id is shown as text");
        assertTrue(dom.contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;"), "the model is shown as text");
        assertTrue(dom.contains("<title>OpenRouter audit report \u2013 OK " + records + " records</title>"),
                "the document title is the report's own");

        Path png = buildOutput().resolve("report-screenshot.png");
        Files.deleteIfExists(png);
        HeadlessChromium.screenshot(page, png, WIDTH, HEIGHT);
        BufferedImage image = assertNonTrivialPng(png);
        assertTrue(pixels(image, COST_BAR) > 500, "the cost bars are painted in " + png);
        assertTrue(pixels(image, REQUEST_BAR) > 500, "the request bars are painted in " + png);
        assertTrue(pixels(image, OK_BANNER) > 2000, "the green chain banner is painted in " + png);
    }

    @Test
    void aTamperedJournalGivesAReportThatLeadsWithTheFailure() throws IOException {
        HeadlessChromium.require();
        Path journal = writeJournal("tampered");
        JournalBytes.replaceOnce(journal, "gen-report-it-0005", "gen-report-it-0OO5");
        Path page = temp.resolve("tampered.html");

        ForkedJvmResult report = AgentCli.run("report", "--dir", journal.toString(), "--out", page.toString());

        report.assertExitCode(1);
        String status = report.stdoutLines().get(0);
        assertTrue(status.startsWith("FAILED at seq 5: "), report.describe());
        assertEquals(AgentCli.verify(journal).stdoutLines().get(0), status);
        String dom = HeadlessChromium.dumpDom(page);
        assertTrue(dom.contains("class=\"chain failed\""), "failed banner");
        assertTrue(dom.indexOf("class=\"chain failed\"") < dom.indexOf("id=\"totals\""), "the failure comes first");
        assertTrue(dom.contains("Chain broken: " + status + "</p>"), "the banner states verify's line: " + status);
        assertEquals(days(), bars(dom, "chart-cost-per-day"), "the figures are still there");

        Path png = buildOutput().resolve("report-screenshot-failed.png");
        Files.deleteIfExists(png);
        HeadlessChromium.screenshot(page, png, WIDTH, HEIGHT);
        BufferedImage image = assertNonTrivialPng(png);
        assertTrue(pixels(image, FAILED_BANNER) > 2000, "the red chain banner is painted in " + png);
        assertEquals(0, pixels(image, OK_BANNER), "no green banner on a broken chain");
    }

    private Path writeJournal(String name) {
        return FixtureJournal.write(ReportJournalFixture.class, temp.resolve(name));
    }

    private static int days() {
        return (int) ChronoUnit.DAYS.between(ReportJournalFixture.FIRST_DAY, ReportJournalFixture.LAST_DAY) + 1;
    }

    private static String expectedCost() {
        BigDecimal sum = BigDecimal.ZERO;
        for (ChosenRow r : ReportJournalFixture.ROWS) {
            if (r.cost() != null) {
                sum = sum.add(BigDecimal.valueOf(r.cost()));
            }
        }
        BigDecimal d = sum.setScale(8, RoundingMode.HALF_UP).stripTrailingZeros();
        return "$" + (d.scale() < 2 ? d.setScale(2) : d).toPlainString();
    }

    private static String chart(String dom, String id) {
        Matcher m = Pattern.compile("<svg id=\"" + id + "\"[^>]*>.*?</svg>", Pattern.DOTALL).matcher(dom);
        if (!m.find()) {
            fail("chart " + id + " is not in the rendered DOM");
        }
        return m.group();
    }

    private static int bars(String dom, String id) {
        Matcher m = Pattern.compile("<rect class=\"bar\"").matcher(chart(dom, id));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String card(String dom, String id) {
        Matcher m = Pattern.compile("id=\"total-" + id + "\"><div class=\"k\">[^<]*</div><div class=\"v\">([^<]*)</div>")
                .matcher(dom);
        if (!m.find()) {
            fail("total " + id + " is not in the rendered DOM");
        }
        return m.group(1);
    }

    private static BufferedImage assertNonTrivialPng(Path png) throws IOException {
        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > 20_000, png + " is only " + bytes.length + " bytes");
        assertEquals("\u0089PNG\r\n\u001a\n", new String(bytes, 0, 8, StandardCharsets.ISO_8859_1), "PNG signature");
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(WIDTH, image.getWidth(), "screenshot width");
        assertEquals(HEIGHT, image.getHeight(), "screenshot height");
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        assertTrue(colours.size() > 50, "a rendered page, not a blank one: " + colours.size() + " colours");
        return image;
    }

    private static long pixels(BufferedImage image, int rgb) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    /** integration-tests/target, where the screenshots are kept (the build output). */
    private static Path buildOutput() throws IOException {
        Path target = FixtureJournal.testClasses().getParent();
        Files.createDirectories(target);
        return target;
    }
}
