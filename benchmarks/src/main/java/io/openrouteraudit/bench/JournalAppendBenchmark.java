package io.openrouteraudit.bench;

import io.openrouteraudit.audit.AuditRecord;
import io.openrouteraudit.config.JournalRoll;
import io.openrouteraudit.journal.JournalWriter;
import io.openrouteraudit.openrouter.Routing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** One record through encoding, the SHA-256 chain, both locks and the Chronicle append. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED"})
public class JournalAppendBenchmark {

    private Path dir;
    private JournalWriter writer;
    private AuditRecord record;

    @Setup
    public void open() throws IOException {
        dir = Files.createTempDirectory("journal-bench");
        writer = JournalWriter.open(dir.resolve("j"), JournalRoll.DAILY);
        record = typicalRecord();
    }

    @Benchmark
    public long appendWithChain() throws IOException {
        return writer.append(record);
    }

    @TearDown
    public void close() throws IOException {
        writer.close();
    }

    static AuditRecord typicalRecord() {
        return new AuditRecord(Instant.now(), "gen-1766107352-qwhPp17HeXK7ivKFmPFa", "jdk-httpclient", "POST",
                "/api/v1/chat/completions", "google/gemini-3-flash-preview", "google/gemini-3-flash-preview",
                "Google", false, 200, "success", null, "stop", 18L, 1067L, 826L, 0L, 0.00321, 412L, null,
                "user-1234", "Billing Service", "https://billing.example", "0123456789ab", "a".repeat(64),
                "b".repeat(64), Map.of("EMAIL", 1), false, "session-9",
                new Routing(null, List.of("Google"), null, null, false, "deny", null, 1024L),
                List.of(), null, null, null, null);
    }
}
