package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Edits the bytes of a journal's Chronicle cycle files in place, as damage or tampering would. */
final class JournalBytes {

    private static final int BLOCK = 1 << 20;

    /** Where a text is in one cycle file. */
    record Hit(Path file, long offset) {
    }

    private JournalBytes() {
    }

    /** Every place an ASCII text occurs in the journal's cycle files (which are large and mostly sparse). */
    static List<Hit> find(Path dir, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
        List<Hit> hits = new ArrayList<>();
        for (Path file : cycleFiles(dir)) {
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                byte[] buffer = new byte[BLOCK + needle.length];
                for (long base = 0; base < raf.length(); base += BLOCK) {
                    raf.seek(base);
                    int n = (int) Math.min(buffer.length, raf.length() - base);
                    raf.readFully(buffer, 0, n);
                    for (int i = 0; i < Math.min(BLOCK, n - needle.length + 1); i++) {
                        if (matches(buffer, i, needle)) {
                            hits.add(new Hit(file, base + i));
                        }
                    }
                }
            }
        }
        return hits;
    }

    /** The one place an ASCII text occurs; fails the test when it is not exactly one. */
    static Hit findOnce(Path dir, String text) throws IOException {
        List<Hit> hits = find(dir, text);
        assertEquals(1, hits.size(), "the text occurs once in the journal: " + text);
        return hits.get(0);
    }

    /** Replaces the one occurrence of an ASCII text by another of the same length. */
    static void replaceOnce(Path dir, String original, String replacement) throws IOException {
        assertEquals(original.length(), replacement.length());
        write(findOnce(dir, original), replacement.getBytes(StandardCharsets.US_ASCII));
    }

    /** XORs one byte at {@code delta} from a hit with {@code mask}. */
    static void flip(Hit at, long delta, int mask) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(at.file().toFile(), "rw")) {
            raf.seek(at.offset() + delta);
            int b = raf.read();
            raf.seek(at.offset() + delta);
            raf.write(b ^ mask);
        }
    }

    private static void write(Hit at, byte[] bytes) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(at.file().toFile(), "rw")) {
            raf.seek(at.offset());
            raf.write(bytes);
        }
    }

    private static List<Path> cycleFiles(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.toString().endsWith(".cq4")).sorted().toList();
        }
    }

    private static boolean matches(byte[] buffer, int at, byte[] needle) {
        for (int j = 0; j < needle.length; j++) {
            if (buffer[at + j] != needle[j]) {
                return false;
            }
        }
        return true;
    }
}
