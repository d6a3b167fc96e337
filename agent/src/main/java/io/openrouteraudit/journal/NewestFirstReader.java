package io.openrouteraudit.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Predicate;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Reads stored lines newest first, for questions about the recent past (today's spend) whose
 * cost must grow with the answer, not with the journal.
 */
public final class NewestFirstReader {

    private NewestFirstReader() {
    }

    /**
     * Hands each stored line to {@code visitor}, newest first, until it returns {@code false} or
     * the journal's start. A directory without a journal has nothing to visit.
     */
    public static void visit(Path dir, Predicate<String> visitor) throws IOException {
        if (!JournalDirectory.holdsJournal(dir)) {
            return;
        }
        ChronicleScratchDirectory.confineToTemporary();
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir).readOnly(true).build();
             ExcerptTailer back = queue.createTailer()) {
            back.direction(TailerDirection.BACKWARD).toEnd();
            while (true) {
                String line;
                try (DocumentContext dc = back.readingDocument()) {
                    if (!dc.isPresent()) {
                        return;
                    }
                    line = new String(dc.wire().bytes().toByteArray(), StandardCharsets.UTF_8);
                }
                if (!visitor.test(line)) {
                    return;
                }
            }
        } catch (RuntimeException | AssertionError e) {
            throw new IOException("cannot read the journal in " + dir + ": " + e.getMessage(), e);
        }
    }
}
