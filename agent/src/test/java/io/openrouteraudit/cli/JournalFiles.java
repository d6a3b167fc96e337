package io.openrouteraudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Edits a journal's Chronicle cycle files on disk, the way someone covering their tracks would. */
final class JournalFiles {

    private static final int BLOCK = 1 << 20;

    private JournalFiles() {
    }

    static List<Path> cycleFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().endsWith(".cq4")).sorted().toList();
            assertFalse(found.isEmpty(), "the journal has a cycle file");
            return found;
        }
    }

    /** Every file offset at which {@code text} occurs in the journal's cycle files (files are sparse and large). */
    static List<Long> offsetsOf(Path file, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
        List<Long> hits = new ArrayList<>();
        byte[] block = new byte[BLOCK + needle.length];
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            for (long base = 0; base < length; base += BLOCK) {
                raf.seek(base);
                int n = (int) Math.min(block.length, length - base);
                raf.readFully(block, 0, n);
                int lastStart = Math.min(BLOCK, n - needle.length + 1);
                outer:
                for (int i = 0; i < lastStart; i++) {
                    for (int j = 0; j < needle.length; j++) {
                        if (block[i + j] != needle[j]) {
                            continue outer;
                        }
                    }
                    hits.add(base + i);
                }
            }
        }
        return hits;
    }

    /** Replaces the single occurrence of {@code original} with a text of the same length. */
    static void replaceOnce(Path dir, String original, String replacement) throws IOException {
        assertEquals(original.length(), replacement.length(), "same length: only content changes");
        int found = 0;
        for (Path file : cycleFiles(dir)) {
            for (long at : offsetsOf(file, original)) {
                found++;
                write(file, at, replacement.getBytes(StandardCharsets.US_ASCII));
            }
        }
        assertEquals(1, found, "the text to tamper with occurs exactly once on disk: " + original);
    }

    static void write(Path file, long at, byte[] bytes) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(at);
            raf.write(bytes);
        }
    }
}
