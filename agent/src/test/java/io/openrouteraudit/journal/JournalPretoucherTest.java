package io.openrouteraudit.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openrouteraudit.config.JournalRoll;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalPretoucherTest {

    @TempDir
    Path tmp;

    @Test
    void readsWholePagesUpToTheEndAskedAndStopsAtTheEndOfTheFile() throws IOException {
        Path file = tmp.resolve("cycle");
        byte[] content = new byte[10 * 4096 + 100];
        content[5 * 4096] = 42;
        Files.write(file, content);
        ByteBuffer block = ByteBuffer.allocateDirect(3 * 4096);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            assertEquals(7 * 4096, JournalPretoucher.readPages(channel, 4096, 7 * 4096, block));
            // Past the end of the file: as far as whole pages go, and no error.
            assertEquals(10 * 4096, JournalPretoucher.readPages(channel, 4096, 1L << 30, block));
            assertEquals(20 * 4096, JournalPretoucher.readPages(channel, 20 * 4096, 20 * 4096, block));
        }
        assertArrayEquals(content, Files.readAllBytes(file), "reading ahead never changes the file");
    }

    @Test
    void theThreadEndsWhenClosed() throws InterruptedException {
        JournalPretoucher pretoucher = new JournalPretoucher();
        pretoucher.appendedUpTo(tmp.resolve("absent").toFile(), 0);
        pretoucher.appendedUpTo(tmp.resolve("absent").toFile(), 8L << 20);
        pretoucher.close();
        pretoucher.thread().join();
        assertFalse(pretoucher.thread().isAlive());
    }

    @Test
    void aWriterAppendingManyMegabytesKeepsOneIntactChain() throws IOException {
        // Enough records to wake the pretoucher many times while the appender writes the same pages.
        Path dir = tmp.resolve("journal");
        int records = 12_000;
        try (JournalWriter w = JournalWriter.open(dir, JournalRoll.DAILY)) {
            for (int i = 1; i <= records; i++) {
                assertEquals(i, w.append(TestRecords.record("gen-" + i, 0.001)));
            }
        }
        ChainVerifier verifier = new ChainVerifier();
        try (JournalReader r = JournalReader.open(dir)) {
            for (String line = r.next(); line != null; line = r.next()) {
                verifier.accept(line);
            }
        }
        assertTrue(verifier.result().intact(), String.valueOf(verifier.result()));
        assertEquals(records, verifier.result().records());
    }
}
