package io.openrouteraudit.capture;

/**
 * The first {@code capture.max-bytes} of a body, and when its chunks arrived.
 *
 * @param chunkEndOffsets offset just past each recorded chunk, ascending
 * @param chunkNanos      {@code System.nanoTime()} at which that chunk arrived
 */
public record BodySnapshot(byte[] bytes, int length, long totalBytes, boolean truncated,
                           long[] chunkEndOffsets, long[] chunkNanos, int chunkCount) {

    public static final BodySnapshot EMPTY = new BodySnapshot(new byte[0], 0, 0, false, new long[0], new long[0], 0);

    /** Arrival time of the chunk holding {@code offset}, or -1 when not recorded. */
    public long arrivalNanosOf(long offset) {
        for (int i = 0; i < chunkCount; i++) {
            if (chunkEndOffsets[i] >= offset) {
                return chunkNanos[i];
            }
        }
        return -1;
    }
}
