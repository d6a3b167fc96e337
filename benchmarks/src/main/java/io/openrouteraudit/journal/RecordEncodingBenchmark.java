package io.openrouteraudit.journal;

import io.openrouteraudit.audit.AuditRecord;
import io.openrouteraudit.bench.TypicalRecords;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A record's canonical encoding plus the SHA-256 chain, without Chronicle: as the journal writer
 * does it now (one UTF-8 encoding into a reused buffer), and through strings as it did before.
 * In the journal's package because the line buffer is package-private.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RecordEncodingBenchmark {

    private final RecordEncoder encoder = new RecordEncoder();
    private final ChainHasher hasher = new ChainHasher();
    private final Utf8LineBuffer line = new Utf8LineBuffer(8192);
    private final AuditRecord record = TypicalRecords.withPromptAndCompletion();
    private long seq;
    private String prev = ChainHasher.GENESIS;

    @Benchmark
    public int encodeAndChain() {
        line.clear();
        line.append(encoder.canonicalText(record, ++seq, prev));
        prev = hasher.hashClosed(prev, line.bytes(), line.length());
        line.append(JournalLine.HASH_KEY).append(prev).append(JournalLine.LINE_END);
        return line.length();
    }

    @Benchmark
    public int encodeAndChainThroughStrings() {
        String prefix = encoder.canonical(record, ++seq, prev);
        prev = hasher.hash(prev, JournalLine.canonicalBytes(prefix));
        return JournalLine.compose(prefix, prev).getBytes(StandardCharsets.UTF_8).length;
    }
}
