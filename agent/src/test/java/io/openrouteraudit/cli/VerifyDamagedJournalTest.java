package io.openrouteraudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.openrouteraudit.config.JournalRoll;
import io.openrouteraudit.journal.JournalWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal damaged below the record level (Chronicle's own headers) must not pass verify:
 * SPEC section 5, "exit 0 and OK n records when intact", and "a damaged journal: one clear line
 * on stderr and a non-zero exit".
 */
class VerifyDamagedJournalTest {

    @TempDir
    Path tmp;
    private Path dir;

    @BeforeEach
    void writeThreeRecords() throws IOException {
        dir = tmp.resolve("journal");
        try (JournalWriter writer = JournalWriter.open(dir, JournalRoll.DAILY)) {
            for (int i = 1; i <= 3; i++) {
                writer.append(AuditCliJournalTest.record(Instant.parse("2026-11-2" + i + "T10:00:00Z"),
                        "gen-1763892000-DamageTestRecord000" + i, 0.001));
            }
        }
        assertEquals(0, CliRun.of("verify", "--dir", dir.toString()).exit(), "intact before the damage");
    }

    @Test
    void verifyDoesNotPassAJournalWhoseMiddleRecordHeaderWasZeroed() throws IOException {
        // Zero the 4-byte Chronicle document header in front of record 2: records 2 and 3 stay in the
        // file (and in Chronicle's index) but a reader stops before them.
        Path file = JournalFiles.cycleFiles(dir).get(0);
        List<Long> at = JournalFiles.offsetsOf(file, "{\"schema\":1,\"seq\":2,");
        assertEquals(1, at.size());
        JournalFiles.write(file, at.get(0) - 4, new byte[4]);

        CliRun run = CliRun.of("verify", "--dir", dir.toString());

        assertFalse(run.out().startsWith("OK"), "3 records were written, verify says: " + run.out());
        assertEquals(1, run.exit(), run.out() + run.err());
    }

    @Test
    void verifyDoesNotPassAJournalWhoseCycleFileHeaderWasOverwritten() throws IOException {
        // Zero the first 64 bytes of the cycle file (Chronicle's file header); the three records
        // themselves are still on disk, untouched.
        Path file = JournalFiles.cycleFiles(dir).get(0);
        JournalFiles.write(file, 0, new byte[64]);
        assertEquals(1, JournalFiles.offsetsOf(file, "{\"schema\":1,\"seq\":3,").size());

        CliRun run = CliRun.of("verify", "--dir", dir.toString());

        assertFalse(run.out().startsWith("OK"), "a cycle file with a destroyed header is not intact: " + run.out());
        assertEquals(1, run.exit(), run.out() + run.err());
    }
}
