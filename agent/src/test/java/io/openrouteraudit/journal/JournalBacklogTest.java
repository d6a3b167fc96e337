package io.openrouteraudit.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JournalBacklogTest {

    @Test
    void keepsRecordsOldestFirstUpToItsCountAndCountsWhatItRefuses() {
        JournalBacklog backlog = new JournalBacklog(2, Long.MAX_VALUE);
        assertTrue(backlog.offer(TestRecords.record("gen-1", 0.1)));
        assertTrue(backlog.offer(TestRecords.record("gen-2", 0.1)));
        assertFalse(backlog.offer(TestRecords.record("gen-3", 0.1)));
        assertEquals(1, backlog.refused());
        assertEquals("gen-1", backlog.oldest().generationId());
        backlog.removeOldest();
        assertEquals("gen-2", backlog.oldest().generationId());
        backlog.removeOldest();
        assertTrue(backlog.isEmpty());
        assertNull(backlog.oldest());
    }

    @Test
    void refusesARecordThatWouldPassItsByteBound() {
        long oneRecord = JournalSpace.estimatedBytes(TestRecords.record("gen-1", 0.1));
        JournalBacklog backlog = new JournalBacklog(100, oneRecord * 2);
        assertTrue(backlog.offer(TestRecords.record("gen-1", 0.1)));
        assertTrue(backlog.offer(TestRecords.record("gen-2", 0.1)));
        assertFalse(backlog.offer(TestRecords.record("gen-3", 0.1)));
        backlog.removeOldest();
        assertTrue(backlog.offer(TestRecords.record("gen-3", 0.1)), "room again once the oldest is written");
        assertEquals(2, backlog.size());
    }
}
