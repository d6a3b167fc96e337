package io.openrouteraudit.bench;

import io.openrouteraudit.audit.AuditRecord;
import io.openrouteraudit.cli.AuditCli;
import io.openrouteraudit.config.JournalRoll;
import io.openrouteraudit.journal.JournalWriter;
import io.openrouteraudit.openrouter.Routing;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Throughput of the auditor's commands over a large journal: writes N records (default 1,000,000)
 * with the agent's own {@link JournalWriter} - 8 models, 500 users, 6 keys, 5 providers, 30 days,
 * a tenth errors, a few policy violations - then runs {@code export} (jsonl, csv) and
 * {@code stats} in this JVM with stdout counted and discarded, and prints records/s.
 *
 * <p>Usage:
 * <pre>
 *   CliThroughputBenchmark write DIR [N]     write the journal only
 *   CliThroughputBenchmark time DIR [N] [R]  time the commands over it, R rounds each (default 3)
 *   CliThroughputBenchmark all DIR [N] [R]   both
 *   CliThroughputBenchmark append DIR [N]    append N more records to an existing journal (another
 *                                            process for {@code tail --follow} to pick up)
 * </pre>
 * Peak RSS is best measured per command in a fresh JVM, e.g.
 * {@code /usr/bin/time -v java -jar openrouter-audit-agent.jar stats --dir DIR --by model > /dev/null}.
 */
public final class CliThroughputBenchmark {

    private static final String[][] MODELS = {
        {"openai/gpt-4o", "OpenAI"}, {"openai/gpt-4o-mini", "OpenAI"}, {"anthropic/claude-sonnet-4", "Anthropic"},
        {"anthropic/claude-haiku-4.5", "Anthropic"}, {"google/gemini-2.5-flash", "Google"},
        {"google/gemini-2.5-pro", "Google Vertex"}, {"meta-llama/llama-3.3-70b-instruct", "Together"},
        {"mistralai/mistral-large", "Mistral"},
    };

    private CliThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: CliThroughputBenchmark write|time|all|append DIR [N] [ROUNDS]");
            System.exit(2);
        }
        Path dir = Path.of(args[1]);
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        if (args[0].equals("write") || args[0].equals("all") || args[0].equals("append")) {
            write(dir, n, args[0].equals("append"));
        }
        if (args[0].equals("time") || args[0].equals("all")) {
            time(dir, n, rounds);
        }
    }

    static void write(Path dir, int n, boolean append) throws IOException {
        if (Files.exists(dir) && !append) {
            throw new IOException(dir + " exists; give a new directory");
        }
        SplittableRandom random = new SplittableRandom(42);
        Instant start = Instant.parse("2026-10-01T00:00:00Z");
        long t0 = System.nanoTime();
        try (JournalWriter w = JournalWriter.open(dir, JournalRoll.DAILY)) {
            for (int i = 0; i < n; i++) {
                w.append(record(random, start.plusMillis((long) i * 30L * 86_400_000L / n), i));
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("write     %,10d records  %7.2f s  %,10.0f records/s  journal %,d MB%n", n, s, n / s,
                sizeOf(dir) / (1 << 20));
    }

    private static AuditRecord record(SplittableRandom random, Instant timestamp, int i) {
        String[] model = MODELS[random.nextInt(MODELS.length)];
        boolean error = random.nextInt(10) == 0;
        long latency = Math.round(Math.exp(6 + 1.2 * gaussian(random)));
        List<String> violations = random.nextInt(50) == 0 ? List.of("max-tokens") : List.of();
        return new AuditRecord(timestamp, "gen-" + (1_763_000_000L + i) + "-bench", "jdk-httpclient", "POST",
                "/api/v1/chat/completions", model[0], error ? null : model[0], error ? null : model[1], false,
                error ? 429 : 200, error ? "error" : "success", error ? "rate_limited" : null,
                error ? null : "stop", error ? null : (long) random.nextInt(4000), error ? null : (long) random.nextInt(1500),
                null, 0L, error ? null : random.nextInt(1_000_000) / 1e8, latency, null,
                "user-" + random.nextInt(500), "Billing Service", "https://billing.example",
                "key" + random.nextInt(6) + "00000000a", "a".repeat(64), "b".repeat(64), Map.of("EMAIL", 1), false,
                "session-" + random.nextInt(10_000), new Routing(null, List.of(model[1]), null, null, false, "deny",
                        null, 1024L),
                violations, null, null, null, null);
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    static void time(Path dir, int n, int rounds) {
        String d = dir.toString();
        List<String[]> commands = List.of(
                new String[] {"export", "--dir", d},
                new String[] {"export", "--dir", d, "--format", "csv"},
                new String[] {"export", "--dir", d, "--format", "csv", "--since", "2026-10-16"},
                new String[] {"stats", "--dir", d, "--by", "model"},
                new String[] {"stats", "--dir", d, "--by", "day"},
                new String[] {"stats", "--dir", d, "--by", "user", "--format", "json"},
                new String[] {"tail", "--dir", d, "-n", "10"});
        PrintStream realOut = System.out;
        Counting sink = new Counting();
        try {
            for (String[] command : commands) {
                for (int round = 1; round <= rounds; round++) {
                    sink.bytes = 0;
                    System.setOut(new PrintStream(sink, false, StandardCharsets.UTF_8));
                    long t0 = System.nanoTime();
                    int exit = AuditCli.run(command);
                    System.out.flush();
                    double s = (System.nanoTime() - t0) / 1e9;
                    System.setOut(realOut);
                    // tail reads only its last few records: its time, not a rate over the journal
                    String rate = command[0].equals("tail") ? "-" : String.format("%,.0f", n / s);
                    realOut.printf("%-58s round %d  exit %d  %7.2f s  %10s records/s  out %,d MB  heap %,d MB%n",
                            String.join(" ", command).replace(d, "D"), round, exit, s, rate, sink.bytes >> 20,
                            usedHeapMb());
                }
            }
        } finally {
            System.setOut(realOut);
        }
    }

    private static long usedHeapMb() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    private static long sizeOf(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** Counts and discards. */
    private static final class Counting extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
