package io.openrouteraudit.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link CallLatencyApp} in fresh JVMs on three client stacks (JDK HttpClient, OkHttp 4,
 * OpenAI Java SDK) under three configurations (no agent; ours with journal and OTLP export to a
 * local sink; the OpenTelemetry Java agent exporting to the same sink), alternating within each
 * round, and prints medians with what each agent adds and the ratio to no agent.
 *
 * <p>Per configuration and round, two processes: a start-up run (one call, whole process under
 * {@code /usr/bin/time}: wall, user+system CPU, peak RSS) and a steady run (WARMUP calls, CALLS
 * timed sequential calls, then THREADS threads for SECONDS: calls per second; VmHWM at its end).
 *
 * <p>Arguments, all optional, {@code key=value}: rounds=3 calls=20000 warmup=5000 threads=16
 * seconds=5 clients=jdk,okhttp,openai configs=none,ours,otel ours.jar=... otel.jar=...
 * ours.flags="..." otel.flags="..." (extra JVM flags, space-separated).
 */
public final class AgentOverheadComparison {

    private static final List<String> FIGURES = List.of("startup_wall_s", "startup_cpu_s", "startup_peak_rss_mib",
            "p50_us", "p99_us", "p999_us", "calls_per_s", "steady_peak_rss_mib");

    private AgentOverheadComparison() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        String calls = options.getOrDefault("calls", "20000");
        String warmup = options.getOrDefault("warmup", "5000");
        String threads = options.getOrDefault("threads", "16");
        String seconds = options.getOrDefault("seconds", "5");
        List<String> clients = List.of(options.getOrDefault("clients", "jdk,okhttp,openai").split(","));
        List<String> configs = List.of(options.getOrDefault("configs", "none,ours,otel").split(","));
        Path benchmarks = Path.of(jarOf(CallLatencyApp.class)).getParent();
        String oursJar = options.getOrDefault("ours.jar",
                benchmarks.resolve("../../agent/target/openrouter-audit-agent.jar").normalize().toString());
        String otelJar = options.getOrDefault("otel.jar", benchmarks.resolve("opentelemetry-javaagent.jar").toString());
        String appClassPath = Files.readString(benchmarks.resolve("application.classpath")).trim();

        Map<String, List<Double>> figures = new TreeMap<>();
        Map<String, Map<String, Long>> exported = new TreeMap<>();
        try (OtlpSink sink = new OtlpSink()) {
            List<String> exportFlags = List.of("-Dotel.exporter.otlp.endpoint=" + sink.endpoint(),
                    "-Dotel.exporter.otlp.protocol=http/protobuf", "-Dotel.traces.exporter=otlp",
                    "-Dotel.metrics.exporter=otlp", "-Dotel.logs.exporter=otlp", "-Dotel.service.name=call-latency-app");
            System.out.printf(Locale.ROOT, "%s | rounds=%d calls=%s warmup=%s threads=%s seconds=%s | OTLP sink %s%n",
                    LoadAverage.now(), rounds, calls, warmup, threads, seconds, sink.endpoint());
            for (int round = 0; round < rounds; round++) {
                for (String client : clients) {
                    // rotate the order each round so no configuration always runs first on a cold machine
                    for (int i = 0; i < configs.size(); i++) {
                        String config = configs.get((i + round) % configs.size());
                        Path journal = Files.createTempDirectory("overhead-journal");
                        try {
                            List<String> flags = flags(config, oursJar, otelJar, journal, exportFlags, options);
                            String key = client + "." + config + ".";
                            Map<String, Double> start = run(flags, appClassPath, List.of("0", "1", client));
                            Map<String, Double> steady = run(flags, appClassPath,
                                    List.of(warmup, calls, client, threads, seconds));
                            add(figures, key + "startup_wall_s", start.get("wall_s"));
                            add(figures, key + "startup_cpu_s", start.get("cpu_s"));
                            add(figures, key + "startup_peak_rss_mib", start.get("max_rss_kib") / 1024.0);
                            for (String q : List.of("p50_us", "p99_us", "p999_us", "calls_per_s")) {
                                add(figures, key + q, steady.get(q));
                            }
                            add(figures, key + "steady_peak_rss_mib", steady.get("peak_rss_kib") / 1024.0);
                            sink.takeCounts().forEach((k, v) -> exported.computeIfAbsent(client + "." + config,
                                    c -> new TreeMap<>()).merge(k, v, Long::sum));
                        } finally {
                            TempDirs.deleteTree(journal);
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "round %d/%d done, %s%n", round + 1, rounds, LoadAverage.now());
            }
        }
        ComparisonTable.print(System.out, figures, FIGURES, clients, configs);
        System.out.println("OTLP requests received by the sink (all rounds, both runs): " + exported);
        System.out.println(LoadAverage.now());
    }

    private static List<String> flags(String config, String oursJar, String otelJar, Path journal,
                                      List<String> exportFlags, Map<String, String> options) {
        List<String> flags = new ArrayList<>();
        switch (config) {
            case "none":
                break;
            case "ours":
                flags.add("-javaagent:" + oursJar);
                flags.add("-Dopenrouter.audit.hosts=127.0.0.1");
                flags.add("-Dopenrouter.audit.journal.dir=" + journal);
                flags.addAll(exportFlags);
                break;
            case "otel":
                flags.add("-javaagent:" + otelJar);
                flags.addAll(exportFlags);
                break;
            default:
                throw new IllegalArgumentException("configs: none, ours, otel; not " + config);
        }
        String extra = options.get(config + ".flags");
        if (extra != null && !extra.isBlank()) {
            flags.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        return flags;
    }

    /**
     * One measured process. Under GNU time when present, so CPU time (user + system of the whole
     * process, JIT and GC threads and shutdown hooks included) and peak RSS cover all of it.
     */
    private static Map<String, Double> run(List<String> flags, String appClassPath, List<String> appArgs) throws Exception {
        Path timeOut = Files.createTempFile("time", ".txt");
        List<String> command = new ArrayList<>();
        boolean timed = Files.isExecutable(Path.of("/usr/bin/time"));
        if (timed) {
            command.addAll(List.of("/usr/bin/time", "-o", timeOut.toString(), "-f", "%U %S %M"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.addAll(List.of("-cp", jarOf(CallLatencyApp.class) + java.io.File.pathSeparator + appClassPath,
                CallLatencyApp.class.getName()));
        command.addAll(appArgs);
        long t0 = System.nanoTime();
        Path errors = Files.createTempFile("measured", ".err");
        Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        String line;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            line = out.readLine();
        }
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0 || line == null) {
            process.destroyForcibly();
            String stderr = Files.readString(errors);
            throw new IllegalStateException("measured run failed: " + command + "\n"
                    + stderr.substring(Math.max(0, stderr.length() - 4000)));
        }
        Files.deleteIfExists(errors);
        Map<String, Double> values = new TreeMap<>();
        values.put("wall_s", (System.nanoTime() - t0) / 1e9);
        for (String pair : line.trim().split(" ")) {
            String[] kv = pair.split("=");
            values.put(kv[0], Double.parseDouble(kv[1]));
        }
        if (timed) {
            String[] time = Files.readString(timeOut).trim().split("\\s+");
            values.put("cpu_s", Double.parseDouble(time[0]) + Double.parseDouble(time[1]));
            values.put("max_rss_kib", Double.parseDouble(time[2]));
        } else {
            values.put("cpu_s", values.getOrDefault("process_cpu_s", Double.NaN));
            values.put("max_rss_kib", values.get("peak_rss_kib"));
        }
        Files.deleteIfExists(timeOut);
        return values;
    }

    private static void add(Map<String, List<Double>> figures, String key, Double value) {
        figures.computeIfAbsent(key, k -> new ArrayList<>()).add(value == null ? Double.NaN : value);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("arguments are key=value, not " + arg);
            }
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return options;
    }

    static String jarOf(Class<?> type) throws java.net.URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
