package io.openrouteraudit.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.openrouteraudit.config.JournalRoll;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal opens whatever the context class loader of the thread that first touches it: the
 * JVM's Attach Listener thread, which runs agentmain (and so the retransformation that warms the
 * journal up) has none on JDK 21 and newer, and Chronicle Queue asks the opening thread's
 * context loader for classes.
 */
class LazyJournalContextLoaderTest {

    @TempDir
    Path tmp;

    @Test
    void aJournalWarmedUpAndWrittenFromAThreadWithoutContextLoaderOpensAndRecords() throws Exception {
        LazyJournal journal = new LazyJournal(tmp.resolve("journal"), JournalRoll.DAILY);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread attachListenerLike = new Thread(() -> {
            try {
                journal.warmUp();
                journal.write(TestRecords.record("gen-attached", 0.001));
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "no-context-loader");
        attachListenerLike.setContextClassLoader(null);
        try {
            attachListenerLike.start();
            attachListenerLike.join();
            assertNull(failure.get(), () -> "the write failed: " + failure.get());
        } finally {
            journal.close();
        }
        JournalReader reader = JournalReader.open(tmp.resolve("journal"));
        try {
            String line = reader.next();
            assertEquals(true, line != null && line.contains("gen-attached"), "the record: " + line);
            assertNull(reader.next(), "one record");
        } finally {
            reader.close();
        }
    }
}
