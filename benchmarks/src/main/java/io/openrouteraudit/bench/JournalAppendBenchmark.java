package io.openrouteraudit.bench;

import io.openrouteraudit.audit.AuditRecord;
import io.openrouteraudit.config.JournalRoll;
import io.openrouteraudit.journal.JournalWriter;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** One record through encoding, the SHA-256 chain, both locks and the Chronicle append (records/s on one thread). */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JournalAppendBenchmark extends ChronicleBenchmark {

    private JournalWriter writer;
    private AuditRecord record;
    private AuditRecord recordWithText;

    @Setup
    public void open() throws IOException {
        writer = JournalWriter.open(freshJournalDir("journal-bench"), JournalRoll.DAILY);
        record = TypicalRecords.metadataOnly();
        recordWithText = TypicalRecords.withPromptAndCompletion();
    }

    @Benchmark
    public long appendWithChain() throws IOException {
        return writer.append(record);
    }

    /** With a 2 KB prompt and a 1 KB completion stored too. */
    @Benchmark
    public long appendWithChainAndText() throws IOException {
        return writer.append(recordWithText);
    }

    @TearDown
    public void close() throws IOException {
        writer.close();
        deleteJournalDir();
    }
}
