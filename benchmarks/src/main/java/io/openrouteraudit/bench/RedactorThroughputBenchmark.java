package io.openrouteraudit.bench;

import io.openrouteraudit.redact.Redactor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The redaction engine in-process, in MB/s of UTF-8 text, against the five-regex chain
 * ({@link FiveRegexChain}) on the same lines in the same run. One operation redacts the whole
 * sample, line by line, as the agent redacts a prompt's strings and the {@code redact} command
 * its lines.
 *
 * <p>{@code java -cp "target/classes:$(cat target/benchmark.classpath)" io.openrouteraudit.bench.RedactorThroughputBenchmark}
 * prints JMH's table, then MB/s of each and the ratio.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RedactorThroughputBenchmark {

    /** About 4 MB: larger than the caches, small enough to build quickly. */
    static final long SAMPLE_BYTES = 4L << 20;

    private List<String> lines;
    private Redactor redactor;

    @Setup
    public void setUp() {
        lines = new ChatCorpus(7L).lines(SAMPLE_BYTES);
        redactor = Redactor.create("all", "", line -> { });
    }

    @Benchmark
    public void engine(Blackhole sink) {
        for (String line : lines) {
            sink.consume(redactor.redactText(line));
        }
    }

    @Benchmark
    public void fiveRegexChain(Blackhole sink) {
        for (String line : lines) {
            sink.consume(FiveRegexChain.apply(line));
        }
    }

    public static void main(String[] args) throws Exception {
        long bytes = 0;
        for (String line : new ChatCorpus(7L).lines(SAMPLE_BYTES)) {
            bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        double mb = bytes / 1e6;
        double engine = 0;
        double chain = 0;
        for (RunResult result : new Runner(new OptionsBuilder()
                .include(RedactorThroughputBenchmark.class.getSimpleName()).build()).run()) {
            double opsPerSecond = result.getPrimaryResult().getScore();
            if (result.getParams().getBenchmark().endsWith("engine")) {
                engine = opsPerSecond * mb;
            } else {
                chain = opsPerSecond * mb;
            }
        }
        System.out.printf("%nsample %.1f MB; engine %.1f MB/s; five-regex chain %.1f MB/s; engine/chain %.2fx%n",
                mb, engine, chain, engine / chain);
    }
}
