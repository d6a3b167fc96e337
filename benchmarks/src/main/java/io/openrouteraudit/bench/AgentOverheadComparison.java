package io.openrouteraudit.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link CallLatencyApp} in fresh JVMs without and with the agent, alternating, and prints
 * medians and what the agent adds: start-up (one call, whole process), peak RSS, and per-call
 * p50/p99/p99.9 over many sequential calls after warm-up.
 *
 * <p>Usage: {@code AgentOverheadComparison AGENT_JAR [ROUNDS] [CALLS] [AGENT_OPTIONS]}, where
 * AGENT_OPTIONS are extra JVM options of the agent's runs, separated by spaces (e.g.
 * {@code "-Dopenrouter.audit.otel.enabled=true -Dotel.exporter.otlp.endpoint=http://127.0.0.1:4318"}
 * to measure with OpenTelemetry export on; by default it is off).
 */
public final class AgentOverheadComparison {

    private AgentOverheadComparison() {
    }

    public static void main(String[] args) throws Exception {
        String agentJar = Path.of(args[0]).toAbsolutePath().toString();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        Path journal = Files.createTempDirectory("overhead-journal");
        List<String> agentFlags = new ArrayList<>(List.of("-javaagent:" + agentJar, "-Dopenrouter.audit.hosts=127.0.0.1",
                "-Dopenrouter.audit.journal.dir=" + journal, "-Dopenrouter.audit.otel.enabled=false"));
        if (args.length > 3 && !args[3].isBlank()) {
            // Later -D options win: these may turn the export on.
            agentFlags.addAll(List.of(args[3].trim().split(" +")));
        }

        Map<String, List<Double>> figures = new TreeMap<>();
        for (int round = 0; round < rounds; round++) {
            for (boolean withAgent : new boolean[] {false, true}) {
                String tag = withAgent ? "agent" : "none";
                List<String> flags = withAgent ? agentFlags : List.of();
                long t0 = System.nanoTime();
                Map<String, Double> start = run(flags, 0, 1);
                figures.computeIfAbsent(tag + ".startup_s", k -> new ArrayList<>())
                        .add((System.nanoTime() - t0) / 1e9);
                figures.computeIfAbsent(tag + ".startup_peak_rss_mib", k -> new ArrayList<>())
                        .add(start.get("peak_rss_kib") / 1024.0);
                Map<String, Double> steady = run(flags, 5_000, calls);
                for (String q : List.of("p50_us", "p99_us", "p999_us")) {
                    figures.computeIfAbsent(tag + "." + q, k -> new ArrayList<>()).add(steady.get(q));
                }
            }
        }
        System.out.printf("rounds=%d calls=%d (medians; none -> agent, added)%n", rounds, calls);
        for (String figure : List.of("startup_s", "startup_peak_rss_mib", "p50_us", "p99_us", "p999_us")) {
            double none = median(figures.get("none." + figure));
            double agent = median(figures.get("agent." + figure));
            System.out.printf("%-22s %10.2f -> %10.2f   added %+10.2f   ratio %.2f%n", figure, none, agent,
                    agent - none, agent / none);
        }
    }

    private static Map<String, Double> run(List<String> flags, int warmup, int calls) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        // Only the app's own classes: the measured application must not carry the agent's libraries.
        String appClasses = Path.of(CallLatencyApp.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        command.addAll(List.of("-cp", appClasses, CallLatencyApp.class.getName(),
                String.valueOf(warmup), String.valueOf(calls)));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String line;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            line = out.readLine();
        }
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0 || line == null) {
            process.destroyForcibly();
            throw new IllegalStateException("measured run failed: " + command);
        }
        Map<String, Double> values = new TreeMap<>();
        for (String pair : line.split(" ")) {
            String[] kv = pair.split("=");
            values.put(kv[0], Double.parseDouble(kv[1]));
        }
        return values;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
