package io.openrouteraudit.bench;

import io.openrouteraudit.redact.Redactor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The redaction engine on long runs of characters that start or continue a rule's match (dots,
 * digits, separators, JWT and bearer prefixes): the time per input must grow linearly with its
 * length, so the scores at two lengths should differ by the length ratio, not its square.
 *
 * <p>{@code java -cp "target/classes:$(cat target/benchmark.classpath)" org.openjdk.jmh.Main RedactorPathologicalBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class RedactorPathologicalBenchmark {

    @Param({"a.", "1", "1 ", "1-", ":", "1:", "eyJ.", "Bearer ", "+1 ", "AB12 "})
    public String unit;

    @Param({"50000", "200000"})
    public int repeats;

    private String input;
    private Redactor redactor;

    @Setup
    public void setUp() {
        input = unit.repeat(repeats);
        redactor = Redactor.create("all", "", line -> { });
    }

    @Benchmark
    public String redact() {
        return redactor.redactText(input);
    }
}
