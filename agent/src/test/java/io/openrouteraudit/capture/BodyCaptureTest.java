package io.openrouteraudit.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyCaptureTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String captured(BodySnapshot s) {
        return new String(s.bytes(), 0, s.length(), StandardCharsets.US_ASCII);
    }

    /** Waits until System.nanoTime() has moved past {@code t}, so two readings can be told apart. */
    private static long nanoTimeAfter(long t) {
        long now;
        while ((now = System.nanoTime()) <= t) {
            Thread.onSpinWait();
        }
        return now;
    }

    @Test
    void keepsAtMostMaxBytesButCountsEveryByteAndSaysTruncated() {
        BodyCapture capture = new BodyCapture(8);
        capture.append(ByteBuffer.wrap(ascii("abcde")));
        capture.append(ByteBuffer.wrap(ascii("fghij")));
        capture.append(ascii("klmno"), 0, 5);

        BodySnapshot s = capture.snapshot();
        assertEquals(8, s.length());
        assertEquals("abcdefgh", captured(s));
        assertEquals(15, s.totalBytes());
        assertTrue(s.truncated());
    }

    @Test
    void aBodyOfExactlyMaxBytesIsNotTruncated() {
        BodyCapture capture = new BodyCapture(10);
        capture.append(ascii("0123456789"), 0, 10);

        BodySnapshot s = capture.snapshot();
        assertEquals("0123456789", captured(s));
        assertEquals(10, s.totalBytes());
        assertFalse(s.truncated());

        capture.append(ascii("x"), 0, 1);
        assertTrue(capture.snapshot().truncated());
        assertEquals(11, capture.snapshot().totalBytes());
    }

    @Test
    void bodyLargerThanTheInitialBufferIsCapturedWhole() {
        byte[] big = new byte[10_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) ('a' + i % 26);
        }
        BodyCapture capture = new BodyCapture(1 << 20);
        for (int off = 0; off < big.length; off += 1000) {
            capture.append(ByteBuffer.wrap(big, off, 1000));
        }
        BodySnapshot s = capture.snapshot();
        assertEquals(10_000, s.length());
        assertEquals(new String(big, StandardCharsets.US_ASCII), captured(s));
        assertFalse(s.truncated());
    }

    @Test
    void copiesOnlyBetweenPositionAndLimitAndNeverMovesTheCallersBuffer() {
        ByteBuffer heap = ByteBuffer.wrap(ascii("xxxHELLOyyy"));
        heap.position(3).limit(8);
        ByteBuffer direct = ByteBuffer.allocateDirect(16);
        direct.put(ascii("--WORLD--")).flip();
        direct.position(2).limit(7);
        ByteBuffer readOnly = ByteBuffer.wrap(ascii("!!")).asReadOnlyBuffer();

        BodyCapture capture = new BodyCapture(100);
        capture.append(heap);
        capture.append(direct);
        capture.append(readOnly);

        assertEquals(3, heap.position());
        assertEquals(8, heap.limit());
        assertEquals(2, direct.position());
        assertEquals(7, direct.limit());
        assertEquals(0, readOnly.position());
        assertEquals(2, readOnly.remaining());
        assertEquals("HELLOWORLD!!", captured(capture.snapshot()));
    }

    @Test
    void callersBufferStaysUntouchedEvenWhenTheBoundIsReached() {
        ByteBuffer chunk = ByteBuffer.wrap(ascii("0123456789"));
        BodyCapture capture = new BodyCapture(4);
        capture.append(chunk);
        capture.append(chunk);

        assertEquals(0, chunk.position());
        assertEquals(10, chunk.remaining());
        assertEquals("0123", captured(capture.snapshot()));
        assertEquals(20, capture.snapshot().totalBytes());
    }

    @Test
    void emptyChunksAndAnEmptyBodyGiveTheEmptySnapshot() {
        BodyCapture capture = new BodyCapture(100);
        capture.append(ByteBuffer.allocate(0));
        capture.append(new byte[0], 0, 0);

        BodySnapshot s = capture.snapshot();
        assertSame(BodySnapshot.EMPTY, s);
        assertEquals(0, s.length());
        assertEquals(0, s.totalBytes());
        assertFalse(s.truncated());
        assertEquals(-1, s.arrivalNanosOf(0));
    }

    @Test
    void arrivalTimeOfAnOffsetIsThatOfTheChunkHoldingIt() {
        BodyCapture capture = new BodyCapture(1000);
        long before1 = System.nanoTime();
        capture.append(ByteBuffer.wrap(ascii("aaaaaaaaaa"))); // bytes 0..9
        long after1 = System.nanoTime();
        long before2 = nanoTimeAfter(after1);
        capture.append(ascii("bbbbbbbbbb"), 0, 10);           // bytes 10..19
        long after2 = System.nanoTime();
        long before3 = nanoTimeAfter(after2);
        capture.append(ByteBuffer.wrap(ascii("cccccccccc"))); // bytes 20..29
        long after3 = System.nanoTime();

        BodySnapshot s = capture.snapshot();
        long first = s.arrivalNanosOf(5);
        long second = s.arrivalNanosOf(15);
        long third = s.arrivalNanosOf(25);
        assertTrue(before1 <= first && first <= after1, "offset 5 is in the first chunk");
        assertTrue(before2 <= second && second <= after2, "offset 15 is in the second chunk");
        assertTrue(before3 <= third && third <= after3, "offset 25 is in the third chunk");
        // Offsets are "just past" an event: one ending exactly where a chunk ends came with that chunk.
        assertEquals(first, s.arrivalNanosOf(10));
        assertEquals(second, s.arrivalNanosOf(11));
        assertEquals(third, s.arrivalNanosOf(30));
        assertEquals(-1, s.arrivalNanosOf(31), "past the last byte nothing arrived");
    }

    @Test
    void chunksPastTheBoundStillDateTheCapturedBytes() {
        BodyCapture capture = new BodyCapture(12);
        long before1 = System.nanoTime();
        capture.append(ascii("aaaaaaaa"), 0, 8);   // bytes 0..7
        long after1 = System.nanoTime();
        long before2 = nanoTimeAfter(after1);
        capture.append(ascii("bbbbbbbb"), 0, 8);   // bytes 8..11 kept, rest dropped
        long after2 = System.nanoTime();
        nanoTimeAfter(after2);
        capture.append(ascii("cccccccc"), 0, 8);   // nothing kept

        BodySnapshot s = capture.snapshot();
        long at3 = s.arrivalNanosOf(3);
        long at10 = s.arrivalNanosOf(10);
        long at12 = s.arrivalNanosOf(12);
        assertTrue(before1 <= at3 && at3 <= after1);
        assertTrue(before2 <= at10 && at10 <= after2);
        assertEquals(at10, at12, "the last captured byte came with the second chunk");
    }

    @Test
    void resetForgetsAReplayedBody() {
        BodyCapture capture = new BodyCapture(8);
        capture.append(ascii("first attempt body"), 0, 18);
        assertTrue(capture.snapshot().truncated());

        capture.reset();
        capture.append(ByteBuffer.wrap(ascii("second")));

        BodySnapshot s = capture.snapshot();
        assertEquals("second", captured(s));
        assertEquals(6, s.totalBytes());
        assertFalse(s.truncated());
        assertEquals(1, s.chunkCount());
        assertEquals(-1, s.arrivalNanosOf(7), "no arrival marks survive from the replayed body");
    }

    @Test
    void resetThenNothingGivesAnEmptyBody() {
        BodyCapture capture = new BodyCapture(8);
        capture.append(ascii("abc"), 0, 3);
        capture.reset();

        BodySnapshot s = capture.snapshot();
        assertEquals(0, s.length());
        assertEquals(0, s.totalBytes());
        assertFalse(s.truncated());
    }

    @Test
    void endsWithSeesTheLastBytesEvenPastTheBoundAndIgnoresTrailingBlankLines() {
        BodyCapture capture = new BodyCapture(8);
        capture.append(ascii("data: {\"choices\":[]}\n\n"), 0, 22);
        assertFalse(capture.endsWith("data: [DONE]"));
        capture.append(ByteBuffer.wrap(ascii("data: [DONE]\n\n")));

        assertTrue(capture.endsWith("data: [DONE]"));
        assertTrue(capture.endsWith("[DONE]"));
        assertEquals(36, capture.total());
        assertEquals(8, capture.snapshot().length());
    }

    @Test
    void endsWithFindsAMarkerSplitAcrossChunks() {
        BodyCapture capture = new BodyCapture(1024);
        byte[] first = ascii("data: {}\n\ndata: [D");
        capture.append(first, 0, first.length);
        capture.append(ByteBuffer.wrap(ascii("ONE]")));
        capture.append(ascii("\n\n"), 0, 2);
        assertTrue(capture.endsWith("data: [DONE]"));
    }

    @Test
    void endsWithIsFalseAfterReset() {
        BodyCapture capture = new BodyCapture(1024);
        capture.append(ascii("data: [DONE]\n\n"), 0, 14);
        capture.reset();
        assertFalse(capture.endsWith("data: [DONE]"));
        assertEquals(0, capture.total());
    }

    @Test
    void aSnapshotDoesNotChangeWhenTheCaptureIsResetAndRefilledAfterIt() {
        // Exchange is documented as immutable: a record built from a snapshot must not see a
        // later replay of the body.
        BodyCapture capture = new BodyCapture(64);
        capture.append(ascii("{\"model\":\"a\"}"), 0, 13);
        BodySnapshot taken = capture.snapshot();
        long takenArrival = taken.arrivalNanosOf(13);

        capture.reset();
        nanoTimeAfter(System.nanoTime());
        capture.append(ascii("XXXXXXXXXXXXXXXXXXXX"), 0, 20);

        assertEquals("{\"model\":\"a\"}", captured(taken));
        assertEquals(takenArrival, taken.arrivalNanosOf(13));
    }
}
