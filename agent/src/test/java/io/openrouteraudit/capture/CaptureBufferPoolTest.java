package io.openrouteraudit.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptureBufferPoolTest {

    @Test
    void anArrayGivenBackIsTheNextOneTaken() {
        CaptureBufferPool pool = new CaptureBufferPool(4);
        byte[] first = pool.take();
        assertEquals(CaptureBufferPool.BUFFER_BYTES, first.length);
        pool.give(first);
        assertSame(first, pool.take());
        assertNotSame(first, pool.take());
    }

    @Test
    void keepsAtMostItsCapacityAndOnlyItsOwnSize() {
        CaptureBufferPool pool = new CaptureBufferPool(2);
        pool.give(new byte[CaptureBufferPool.BUFFER_BYTES * 2]);
        List<byte[]> given = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            byte[] array = new byte[CaptureBufferPool.BUFFER_BYTES];
            given.add(array);
            pool.give(array);
        }
        int reused = 0;
        for (int i = 0; i < 3; i++) {
            byte[] taken = pool.take();
            for (byte[] array : given) {
                reused += taken == array ? 1 : 0;
            }
        }
        assertEquals(2, reused);
    }

    @Test
    void aReleasedCaptureIgnoresLaterBytesAndItsArrayServesTheNextCapture() {
        CaptureBufferPool pool = new CaptureBufferPool(4);
        BodyCapture first = new BodyCapture(64 * 1024, pool);
        first.append("first body".getBytes(StandardCharsets.UTF_8), 0, 10);
        byte[] array = first.snapshot().bytes();
        first.release();
        first.append("late bytes".getBytes(StandardCharsets.UTF_8), 0, 10);

        BodyCapture second = new BodyCapture(64 * 1024, pool);
        second.append("second".getBytes(StandardCharsets.UTF_8), 0, 6);
        BodySnapshot snapshot = second.snapshot();
        assertSame(array, snapshot.bytes());
        assertEquals("second", new String(snapshot.bytes(), 0, snapshot.length(), StandardCharsets.UTF_8));
        assertEquals(10, first.total());
    }

    @Test
    void aCaptureBoundBelowFourKilobytesNeverTakesAPooledArray() {
        CaptureBufferPool pool = new CaptureBufferPool(4);
        byte[] pooled = new byte[CaptureBufferPool.BUFFER_BYTES];
        pool.give(pooled);
        BodyCapture small = new BodyCapture(100, pool);
        small.append(new byte[300], 0, 300);
        BodySnapshot snapshot = small.snapshot();
        assertEquals(100, snapshot.bytes().length);
        assertEquals(100, snapshot.length());
        assertSame(pooled, pool.take());
    }
}
