package io.openrouteraudit.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/** Reads stored lines in order, oldest first, in constant memory. */
public final class JournalReader implements Closeable {

    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;

    private JournalReader(SingleChronicleQueue queue) {
        this.queue = queue;
        this.tailer = queue.createTailer();
    }

    /** Opens an existing journal read-only; a directory without one is an error. */
    public static JournalReader open(Path dir) throws IOException {
        if (!JournalDirectory.holdsJournal(dir)) {
            throw new IOException("no journal in " + dir);
        }
        try {
            return new JournalReader(SingleChronicleQueueBuilder.binary(dir).readOnly(true).build());
        } catch (RuntimeException e) {
            throw new IOException("cannot open the journal in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The next stored line, or {@code null} at the end. */
    public String next() throws IOException {
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                return null;
            }
            return new String(dc.wire().bytes().toByteArray(), StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            throw new IOException("the journal is damaged: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        tailer.close();
        queue.close();
    }
}
