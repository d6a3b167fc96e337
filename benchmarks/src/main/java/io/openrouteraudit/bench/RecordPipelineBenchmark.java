package io.openrouteraudit.bench;

import io.openrouteraudit.audit.AuditRecord;
import io.openrouteraudit.audit.RecordAssembler;
import io.openrouteraudit.capture.BodySnapshot;
import io.openrouteraudit.capture.Exchange;
import io.openrouteraudit.capture.Outcome;
import io.openrouteraudit.capture.RequestStart;
import io.openrouteraudit.capture.ResponseHead;
import io.openrouteraudit.config.ContentMode;
import io.openrouteraudit.config.JournalRoll;
import io.openrouteraudit.journal.LazyJournal;
import io.openrouteraudit.pipeline.AuditPipeline;
import io.openrouteraudit.redact.KeyedHasher;
import io.openrouteraudit.redact.Redactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the application's calling thread pays for one record once the call ends (SPEC §4: the
 * record reaches the mapped file on that thread): the benchmark application's call, its request
 * and 1.5 KB completion, parsed, redacted ({@code content=redacted}, every built-in rule),
 * hashed, encoded, chained and appended to a Chronicle journal. {@code assemble} is the same
 * without the journal.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RecordPipelineBenchmark extends ChronicleBenchmark {

    private static final long OPEN_WAIT_MILLIS = 30_000;

    private final byte[] request = CallLatencyApp.REQUEST.getBytes(StandardCharsets.UTF_8);
    private final byte[] completion = CallLatencyApp.completionJson();
    private final KeyedHasher hasher = new KeyedHasher("benchmark-key-0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private final RecordAssembler assembler = new RecordAssembler(Redactor.create("all", null, null),
            () -> hasher, ContentMode.REDACTED);
    private LazyJournal journal;
    private AuditPipeline pipeline;
    private Exchange exchange;

    @Setup
    public void open() throws IOException {
        journal = new LazyJournal(freshJournalDir("pipeline-bench"), JournalRoll.DAILY);
        journal.warmUp();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(OPEN_WAIT_MILLIS);
        while (!journal.writable() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        BooleanSupplier always = () -> true;
        pipeline = new AuditPipeline(assembler, List.of(journal), always, null);
        long startNanos = System.nanoTime();
        int half = completion.length / 2;
        exchange = new Exchange(
                new RequestStart("jdk-httpclient", "POST", "http", "127.0.0.1", 8080, "/api/v1/chat/completions",
                        Instant.now(), startNanos, "sk-or-v1-0123456789abcdef0123456789abcdef", null, null, null, null),
                new BodySnapshot(request, request.length, request.length, false,
                        new long[] {request.length}, new long[] {startNanos + 20_000}, 1),
                new ResponseHead(200, "application/json", null, "gen-1766107352-qwhPp17HeXK7ivKFmPFa",
                        completion.length),
                new BodySnapshot(completion, completion.length, completion.length, false,
                        new long[] {half, completion.length}, new long[] {startNanos + 150_000, startNanos + 160_000}, 2),
                startNanos + 170_000, Outcome.COMPLETED, null, null);
    }

    /** Everything the calling thread does with the record. */
    @Benchmark
    public void recordOneCall() {
        pipeline.accept(exchange);
    }

    /** Parsing, redaction and hashing only: the record as the sinks get it. */
    @Benchmark
    public AuditRecord assemble() {
        return assembler.assemble(exchange);
    }

    @TearDown
    public void close() throws IOException {
        journal.close();
        deleteJournalDir();
    }
}
