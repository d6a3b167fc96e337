package io.openrouteraudit.journal;

/**
 * Checks a journal line by line: {@code seq} continues without gaps, each {@code prev_hash}
 * is the previous {@code record_hash}, and each {@code record_hash} matches the bytes.
 * Feed it lines in order; it keeps only the last link.
 */
public final class ChainVerifier {

    /** What verification found. {@code firstBadSeq} is -1 when intact. */
    public record Result(long records, long firstSeq, long firstBadSeq, String problem) {
        public boolean intact() {
            return firstBadSeq < 0;
        }
    }

    private final ChainHasher hasher = new ChainHasher();
    private long records;
    private long firstSeq = -1;
    private long lastSeq;
    private String lastHash;
    private long firstBadSeq = -1;
    private String problem;

    /** Checks the next line; returns false once the chain is broken (later lines are not checked). */
    public boolean accept(String line) {
        if (firstBadSeq >= 0) {
            return false;
        }
        long expected = lastSeq + 1;
        String prefix = JournalLine.canonicalPrefixOf(line);
        long seq = StoredRecordFields.seqOf(line);
        if (prefix == null || seq < 1) {
            return fail(records == 0 ? 1 : expected, "record is not a journal record");
        }
        Object prev = StoredRecordFields.memberOf(line, "prev_hash");
        if (!(prev instanceof String prevHash)) {
            return fail(seq, "record has no prev_hash");
        }
        if (records == 0) {
            // The oldest kept record starts the chain (older files may have been retired).
            firstSeq = seq;
            if (seq == 1 && !ChainHasher.GENESIS.equals(prevHash)) {
                return fail(seq, "first record does not start the chain");
            }
        } else {
            if (seq != expected) {
                return fail(expected, "sequence gap: expected " + expected + ", found " + seq);
            }
            if (!prevHash.equals(lastHash)) {
                return fail(seq, "prev_hash does not match the previous record");
            }
        }
        String recorded = JournalLine.recordHashOf(line);
        String computed = hasher.hash(prevHash, JournalLine.canonicalBytes(prefix));
        if (!computed.equals(recorded)) {
            return fail(seq, "record_hash does not match the record's content");
        }
        records++;
        lastSeq = seq;
        lastHash = recorded;
        return true;
    }

    private boolean fail(long seq, String why) {
        firstBadSeq = seq;
        problem = why;
        return false;
    }

    public Result result() {
        return new Result(records, firstSeq, firstBadSeq, problem);
    }
}
