package io.openrouteraudit.it;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

/**
 * The journal of {@link ReportChromiumIT}: records over a week (one day without any), four
 * models (one named like markup), four providers, five users and three keys, errors and
 * policy violations, written with chosen timestamps through the agent's own
 * {@code JournalWriter}.
 *
 * <p>{@link #main} runs in a forked JVM whose class path is the agent jar and these test
 * classes, with the module grants Chronicle needs; it reaches the agent's classes through the
 * agent's own isolated class loader, exactly as the launcher does. No JUnit in here.
 */
public final class ReportJournalFixture {

    /** One record's chosen facts. */
    record Row(Instant timestamp, String generationId, String model, String provider, String status, Double cost,
            Long promptTokens, Long completionTokens, String userId, String key, List<String> violations) {
    }

    static final String EVIL_MODEL = "<script>document.title='pwned'</script>";
    static final String EVIL_USER = "\"><svg onload=alert(1)>";
    static final List<String> MODELS = List.of("openai/gpt-4o", "anthropic/claude-sonnet-4", "google/gemini-2.5-flash");
    static final List<String> PROVIDERS = List.of("OpenAI", "Anthropic", "Google");
    static final List<String> USERS = List.of("alice", "bob", "carol", "dave");
    static final List<String> KEYS = List.of("1a2b3c4d5e6f", "a1b2c3d4e5f6");
    static final LocalDate FIRST_DAY = LocalDate.parse("2026-11-17");
    static final LocalDate LAST_DAY = LocalDate.parse("2026-11-23");
    static final LocalDate EMPTY_DAY = LocalDate.parse("2026-11-19");
    static final List<Row> ROWS = rows();

    private ReportJournalFixture() {
    }

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        int n = 0;
        for (LocalDate day = FIRST_DAY; !day.isAfter(LAST_DAY); day = day.plusDays(1)) {
            if (day.equals(EMPTY_DAY)) {
                continue;
            }
            int perDay = 2 + day.getDayOfMonth() % 4;
            for (int i = 0; i < perDay; i++) {
                n++;
                int m = (n + i) % MODELS.size();
                boolean error = n % 7 == 0;
                Instant at = day.atTime(8 + i, 5 * i).toInstant(java.time.ZoneOffset.UTC);
                List<String> violations = n % 5 == 0 ? List.of("max-tokens") : List.of();
                rows.add(new Row(at, String.format("gen-report-it-%04d", n), MODELS.get(m), PROVIDERS.get(m),
                        error ? "error" : "success", error ? null : 0.0005 * (m + 1) * (i + 1),
                        error ? null : 120L * (i + 1), error ? null : 40L * (m + 1), USERS.get(n % USERS.size()),
                        KEYS.get(n % KEYS.size()), violations));
            }
        }
        rows.add(new Row(Instant.parse("2026-11-22T23:30:00.250Z"), null, EVIL_MODEL, null, "error", null, null,
                null, EVIL_USER, "ffffffffffff", List.of("model", "budget")));
        return List.copyOf(rows);
    }

    /** {@code ReportJournalFixture AGENT_JAR JOURNAL_DIR}. */
    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path dir = Path.of(args[1]);
        ClassLoader agent = (ClassLoader) Class.forName("io.openrouteraudit.launcher.IsolatedClassLoader")
                .getConstructor(JarFile.class, URL.class)
                .newInstance(new JarFile(jar.toFile(), false), jar.toUri().toURL());
        Class<?> writerType = Class.forName("io.openrouteraudit.journal.JournalWriter", true, agent);
        Class<?> rollType = Class.forName("io.openrouteraudit.config.JournalRoll", true, agent);
        Class<?> recordType = Class.forName("io.openrouteraudit.audit.AuditRecord", true, agent);
        Object noRouting = Class.forName("io.openrouteraudit.openrouter.Routing", true, agent)
                .getMethod("none").invoke(null);
        Object daily = rollType.getField("DAILY").get(null);
        RecordComponent[] components = recordType.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        Constructor<?> newRecord = recordType.getDeclaredConstructor(types);
        Object writer = writerType.getMethod("open", Path.class, rollType).invoke(null, dir, daily);
        Method append = writerType.getMethod("append", recordType);
        try {
            long i = 0;
            for (Row r : ROWS) {
                i++;
                boolean ok = r.status().equals("success");
                // Components added after these (not in the journal, e.g. the request parameters) stay null.
                Object[] values = {r.timestamp(), r.generationId(), "jdk-httpclient",
                        "POST", "/api/v1/chat/completions", r.model(), ok ? r.model() : null, r.provider(), false,
                        ok ? 200 : 502, r.status(), ok ? null : "upstream_error", ok ? "stop" : null,
                        r.promptTokens(), r.completionTokens(), null, null, r.cost(), 200L + 13 * i, null,
                        r.userId(), "Report IT", null, r.key(), "a".repeat(64), ok ? "b".repeat(64) : null, Map.of(),
                        false, null, noRouting, r.violations(), null, null, null, null};
                append.invoke(writer, newRecord.newInstance(Arrays.copyOf(values, components.length)));
            }
        } finally {
            writerType.getMethod("close").invoke(writer);
        }
        System.out.println("wrote " + ROWS.size() + " records to " + dir);
    }
}
