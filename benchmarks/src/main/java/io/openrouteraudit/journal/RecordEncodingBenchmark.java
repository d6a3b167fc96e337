package io.openrouteraudit.journal;

import io.openrouteraudit.audit.AuditRecord;
import io.openrouteraudit.bench.PerCallBenchmark;
import io.openrouteraudit.bench.TypicalRecords;
import java.nio.charset.StandardCharsets;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * A record's canonical encoding plus the SHA-256 chain, without Chronicle: as the journal writer
 * does it now (straight into reused UTF-8 and hash buffers), and through strings as it once did.
 * In the journal's package because the line buffer is package-private.
 */
public class RecordEncodingBenchmark extends PerCallBenchmark {

    private final RecordEncoder encoder = new RecordEncoder();
    private final ChainHasher hasher = new ChainHasher();
    private final Utf8LineBuffer line = new Utf8LineBuffer(8192);
    private final AuditRecord record = TypicalRecords.withPromptAndCompletion();
    private final ChainTip tip = new ChainTip();
    private final byte[] hash = new byte[64];
    private long seq;
    private String prev = ChainHasher.GENESIS;

    @Benchmark
    public int encodeAndChain() {
        line.clear();
        encoder.encode(record, ++seq, tip, line);
        hasher.hashClosed(tip.recordHashAscii(), line.bytes(), line.length(), hash);
        line.ascii(JournalLine.HASH_KEY).append(hash, 0, hash.length).ascii(JournalLine.LINE_END);
        tip.set(seq, hash);
        return line.length();
    }

    @Benchmark
    public int encodeAndChainThroughStrings() {
        String prefix = encoder.canonical(record, ++seq, prev);
        prev = hasher.hash(prev, JournalLine.canonicalBytes(prefix));
        return JournalLine.compose(prefix, prev).getBytes(StandardCharsets.UTF_8).length;
    }
}
