package io.openrouteraudit.journal;

import java.nio.charset.StandardCharsets;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Knows the chain's tip: the newest record's {@code seq} and {@code record_hash}. A tailer
 * parked just after the last record it has seen picks up records other processes appended;
 * records we appended ourselves are recognised by index and skipped without parsing.
 * Not thread-safe: used under the writer's locks.
 */
final class ChainFollower implements AutoCloseable {

    private final ExcerptTailer tailer;
    private final ChainTip tip = new ChainTip();
    private long ownLastIndex = Long.MIN_VALUE;

    ChainFollower(SingleChronicleQueue queue) {
        try (ExcerptTailer newest = queue.createTailer()) {
            newest.direction(TailerDirection.BACKWARD).toEnd();
            try (DocumentContext dc = newest.readingDocument()) {
                if (dc.isPresent()) {
                    readTip(dc);
                    ownLastIndex = dc.index();
                }
            }
        }
        this.tailer = queue.createTailer();
        // Used under the writer's lock from whichever thread appends.
        tailer.singleThreadedCheckDisabled(true);
        if (ownLastIndex != Long.MIN_VALUE) {
            tailer.moveToIndex(ownLastIndex);
        }
    }

    /** Reads records appended since the last call; called inside the queue's write lock. The tip is updated in place. */
    ChainTip catchUp() {
        while (true) {
            try (DocumentContext dc = tailer.readingDocument()) {
                if (!dc.isPresent()) {
                    return tip;
                }
                if (dc.index() != ownLastIndex) {
                    readTip(dc);
                }
            }
        }
    }

    /** Our own record at {@code index} is the new tip; {@code hashAscii} is copied. */
    void appendedByUs(long index, long seq, byte[] hashAscii) {
        ownLastIndex = index;
        tip.set(seq, hashAscii);
    }

    private void readTip(DocumentContext dc) {
        String line = new String(dc.wire().bytes().toByteArray(), StandardCharsets.UTF_8);
        String hash = JournalLine.recordHashOf(line);
        long seq = StoredRecordFields.seqOf(line);
        if (hash == null || seq < 1) {
            throw new IllegalStateException("a journal record at index " + Long.toHexString(dc.index())
                    + " is damaged; run verify");
        }
        tip.set(seq, hash);
    }

    @Override
    public void close() {
        tailer.close();
    }
}
