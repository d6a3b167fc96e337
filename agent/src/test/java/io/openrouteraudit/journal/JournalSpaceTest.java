package io.openrouteraudit.journal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalSpaceTest {

    @TempDir
    Path tmp;

    @Test
    void aRecordFitsOnlyWithTheReserveLeftOverEvenRightAfterAnAnswerOfPlenty() {
        JournalSpace space = JournalSpace.of(tmp);
        long usable = space.usableBytes();
        assertTrue(usable > 2 * JournalSpace.RESERVE_BYTES, "test design: the build's temp dir has some room");
        assertTrue(space.hasRoomFor(0));
        assertFalse(space.hasRoomFor(usable), "the reserve must stay free");
        assertFalse(space.hasRoomFor(usable * 2), "never more than there is, cached answer or not");
    }

    @Test
    void aRecordWithoutLongTextsIsEstimatedNearTheFixedFieldsBound() {
        long small = JournalSpace.estimatedBytes(TestRecords.record("gen-1", 0.1));
        assertTrue(small >= JournalSpace.FIXED_FIELDS_BYTES);
        assertTrue(small < 2 * JournalSpace.FIXED_FIELDS_BYTES);
    }
}
