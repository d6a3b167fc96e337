package io.openrouteraudit.journal;

import java.nio.charset.StandardCharsets;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/** Reads the newest record of a queue, to continue {@code seq} and the chain after it. */
final class TipReader {

    private final SingleChronicleQueue queue;

    TipReader(SingleChronicleQueue queue) {
        this.queue = queue;
    }

    ChainTip read() {
        try (ExcerptTailer tailer = queue.createTailer()) {
            tailer.direction(TailerDirection.BACKWARD).toEnd();
            try (DocumentContext dc = tailer.readingDocument()) {
                if (!dc.isPresent()) {
                    return ChainTip.EMPTY;
                }
                String line = new String(dc.wire().bytes().toByteArray(), StandardCharsets.UTF_8);
                String hash = JournalLine.recordHashOf(line);
                long seq = StoredRecordFields.seqOf(line);
                if (hash == null || seq < 1) {
                    throw new IllegalStateException("the newest journal record is damaged; run verify");
                }
                return new ChainTip(seq, hash);
            }
        }
    }
}
