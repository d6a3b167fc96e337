package io.openrouteraudit.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openrouteraudit.config.JournalRoll;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalWriterTest {

    @TempDir
    Path tmp;

    @Test
    void sequenceAndChainContinueAcrossReopen() throws IOException {
        Path dir = tmp.resolve("journal");
        try (JournalWriter w = JournalWriter.open(dir, JournalRoll.DAILY)) {
            assertEquals(1, w.append(TestRecords.record("gen-1", 0.001)));
            assertEquals(2, w.append(TestRecords.record("gen-2", 0.002)));
        }
        try (JournalWriter w = JournalWriter.open(dir, JournalRoll.DAILY)) {
            assertEquals(3, w.append(TestRecords.record("gen-3", 0.003)));
        }
        List<String> lines = readAll(dir);
        assertEquals(3, lines.size());
        assertEquals(ChainHasher.GENESIS, StoredRecordFields.memberOf(lines.get(0), "prev_hash"));
        assertEquals(JournalLine.recordHashOf(lines.get(1)), StoredRecordFields.memberOf(lines.get(2), "prev_hash"));
        ChainVerifier verifier = new ChainVerifier();
        lines.forEach(verifier::accept);
        assertTrue(verifier.result().intact());
        assertEquals(3, verifier.result().records());
    }

    @Test
    void appendsFromManyThreadsFormOneGaplessChain() throws Exception {
        Path dir = tmp.resolve("journal");
        int threads = 8;
        int each = 200;
        try (JournalWriter w = JournalWriter.open(dir, JournalRoll.DAILY)) {
            runConcurrently(threads, t -> {
                for (int i = 0; i < each; i++) {
                    w.append(TestRecords.record("gen-" + t + "-" + i, 0.001));
                }
            });
        }
        assertChainOf(dir, threads * each);
    }

    @Test
    void twoWritersSharingADirectoryInterleaveIntoOneChain() throws Exception {
        // Two queue instances on one directory behave as two processes would: each must pick up
        // the other's records before appending its own.
        Path dir = tmp.resolve("journal");
        int each = 300;
        try (JournalWriter a = JournalWriter.open(dir, JournalRoll.DAILY);
             JournalWriter b = JournalWriter.open(dir, JournalRoll.DAILY)) {
            runConcurrently(2, t -> {
                JournalWriter w = t == 0 ? a : b;
                for (int i = 0; i < each; i++) {
                    w.append(TestRecords.record("gen-" + t + "-" + i, 0.001));
                }
            });
        }
        assertChainOf(dir, 2 * each);
    }

    private interface Work {
        void run(int thread) throws Exception;
    }

    private static void runConcurrently(int threads, Work work) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            for (int t = 0; t < threads; t++) {
                int id = t;
                done.add(pool.submit(() -> {
                    start.await();
                    work.run(id);
                    return null;
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<?> f : done) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertChainOf(Path dir, int expected) throws IOException {
        List<String> lines = readAll(dir);
        assertEquals(expected, lines.size());
        ChainVerifier verifier = new ChainVerifier();
        lines.forEach(verifier::accept);
        assertTrue(verifier.result().intact(), String.valueOf(verifier.result()));
        assertEquals(expected, StoredRecordFields.seqOf(lines.get(lines.size() - 1)));
    }

    @Test
    void journalDirectoryIsOwnerOnly() throws IOException {
        Path dir = tmp.resolve("private/journal");
        try (JournalWriter w = JournalWriter.open(dir, JournalRoll.HOURLY)) {
            w.append(TestRecords.record("gen-1", 0.001));
        }
        assertEquals(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE), Files.getPosixFilePermissions(dir));
    }

    @Test
    void storedLineIsTheCanonicalJsonWithNullsAndPlainNumbers() throws IOException {
        Path dir = tmp.resolve("j");
        try (JournalWriter w = JournalWriter.open(dir, JournalRoll.DAILY)) {
            w.append(TestRecords.record("gen-1", 0.0000310365));
        }
        String line = readAll(dir).get(0);
        assertTrue(line.startsWith("{\"schema\":1,\"seq\":1,\"timestamp\":\"2026-11-23T10:15:30.123Z\""), line);
        assertTrue(line.contains("\"total_cost\":0.0000310365"), line);
        assertTrue(line.contains("\"ttft_ms\":null"), line);
        assertTrue(line.contains("\"app_title\":\"My \\\"App\\\"\""), line);
        assertTrue(line.contains("\"completion\":\"line1\\nline2\\u0001\""), line);
        assertTrue(line.contains("\"routing\":{\"models\":[\"a/b\",\"c/d\"],\"provider_order\":null,"
                + "\"provider_only\":[\"OpenAI\"],\"provider_ignore\":null,\"allow_fallbacks\":false,"
                + "\"data_collection\":\"deny\",\"zdr\":true,\"max_tokens\":256}"), line);
        assertTrue(line.contains("\"pii\":{\"EMAIL\":2}"), line);
        assertTrue(line.contains("\"policy_violations\":[]"), line);
        assertNull(StoredRecordFields.memberOf(line, "trace_id"));
    }

    @Test
    void verifierNamesTheFirstTamperedRecord() throws IOException {
        Path dir = tmp.resolve("j");
        try (JournalWriter w = JournalWriter.open(dir, JournalRoll.DAILY)) {
            for (int i = 1; i <= 4; i++) {
                w.append(TestRecords.record("gen-" + i, 0.001 * i));
            }
        }
        List<String> lines = new ArrayList<>(readAll(dir));
        lines.set(2, lines.get(2).replace("\"total_cost\":0.003", "\"total_cost\":0.0001"));
        ChainVerifier verifier = new ChainVerifier();
        lines.forEach(verifier::accept);
        assertFalse(verifier.result().intact());
        assertEquals(3, verifier.result().firstBadSeq());
        assertEquals(2, verifier.result().records());
    }

    @Test
    void verifierNamesAGapInTheSequence() throws IOException {
        Path dir = tmp.resolve("j");
        try (JournalWriter w = JournalWriter.open(dir, JournalRoll.DAILY)) {
            for (int i = 1; i <= 3; i++) {
                w.append(TestRecords.record("gen-" + i, 0.001));
            }
        }
        List<String> lines = new ArrayList<>(readAll(dir));
        lines.remove(1);
        ChainVerifier verifier = new ChainVerifier();
        lines.forEach(verifier::accept);
        assertEquals(2, verifier.result().firstBadSeq());
    }

    @Test
    void readerRefusesADirectoryWithoutAJournal() {
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> JournalReader.open(tmp.resolve("nothing-here")));
        assertTrue(e.getMessage().startsWith("no journal in "));
    }

    private static List<String> readAll(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        try (JournalReader r = JournalReader.open(dir)) {
            for (String line = r.next(); line != null; line = r.next()) {
                lines.add(line);
            }
        }
        return lines;
    }
}
