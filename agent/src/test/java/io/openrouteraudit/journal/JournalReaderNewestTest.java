package io.openrouteraudit.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.openrouteraudit.config.JournalRoll;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link JournalReader#startAtNewest}: the newest n records, then what follows, in one journal file or several. */
class JournalReaderNewestTest {

    @TempDir
    Path tmp;

    private Path journalOf(int records) throws IOException {
        Path dir = tmp.resolve("journal");
        try (JournalWriter w = JournalWriter.open(dir, JournalRoll.DAILY)) {
            for (int i = 1; i <= records; i++) {
                w.append(TestRecords.record("gen-" + i, 0.001));
            }
        }
        return dir;
    }

    private static List<Long> readFromNewest(Path dir, long n) throws IOException {
        List<Long> seqs = new ArrayList<>();
        try (JournalReader r = JournalReader.open(dir)) {
            r.startAtNewest(n);
            for (String line = r.next(); line != null; line = r.next()) {
                seqs.add(StoredRecordFields.seqOf(line));
            }
        }
        return seqs;
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 7, 11, 12})
    void readsTheNewestNOldestFirst(long n) throws IOException {
        assertEquals(range(12 - n + 1, 12), readFromNewest(journalOf(12), n));
    }

    @Test
    void moreThanTheJournalHoldsReadsEverything() throws IOException {
        assertEquals(range(1, 5), readFromNewest(journalOf(5), 1_000_000));
    }

    @Test
    void zeroReadsNothingButIsNoDamage() throws IOException {
        assertEquals(List.of(), readFromNewest(journalOf(5), 0));
    }

    @Test
    void recordsAppendedAfterPositioningFollowTheNewest() throws IOException {
        Path dir = journalOf(6);
        try (JournalReader r = JournalReader.open(dir);
             JournalWriter w = JournalWriter.open(dir, JournalRoll.DAILY)) {
            r.startAtNewest(2);
            assertEquals(5, StoredRecordFields.seqOf(r.next()));
            assertEquals(6, StoredRecordFields.seqOf(r.next()));
            assertNull(r.next());
            w.append(TestRecords.record("gen-7", 0.001));
            w.append(TestRecords.record("gen-8", 0.001));
            assertEquals(7, StoredRecordFields.seqOf(r.next()));
            assertEquals(8, StoredRecordFields.seqOf(r.next()));
            assertNull(r.next());
        }
    }

    @Test
    void positioningAfterReadingIsRefused() throws IOException {
        try (JournalReader r = JournalReader.open(journalOf(3))) {
            r.next();
            assertThrows(IllegalStateException.class, () -> r.startAtNewest(1));
        }
    }

    @Test
    void theNewestNSpanSeveralDailyFiles() throws IOException {
        Path dir = tmp.resolve("rolled");
        Instant threeDaysAgo = LocalDate.now(ZoneOffset.UTC).minusDays(3).atStartOfDay().toInstant(ZoneOffset.UTC);
        SetTimeProvider clock = new SetTimeProvider(threeDaysAgo.plusSeconds(3600));
        long seq = 0;
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir).rollCycle(RollCycles.FAST_DAILY)
                .timeProvider(clock).build();
             ExcerptAppender appender = queue.createAppender()) {
            for (int day = 0; day < 3; day++) {
                for (int i = 0; i < 4; i++) {
                    seq++;
                    try (DocumentContext dc = appender.writingDocument()) {
                        dc.wire().bytes().write(("{\"schema\":1,\"seq\":" + seq + "}").getBytes(StandardCharsets.UTF_8));
                    }
                }
                clock.advanceMillis(24L * 3600 * 1000);
            }
        }
        assertEquals(range(3, 12), readFromNewest(dir, 10), "back across two day boundaries");
        assertEquals(range(6, 12), readFromNewest(dir, 7));
        assertEquals(range(9, 12), readFromNewest(dir, 4), "exactly the last file");
        assertEquals(range(1, 12), readFromNewest(dir, 12));
    }
}
