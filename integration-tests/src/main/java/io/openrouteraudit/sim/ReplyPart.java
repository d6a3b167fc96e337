package io.openrouteraudit.sim;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A piece of a response body, written and flushed after a pause (a stream's event, or a whole
 * body); {@code times} writes the same bytes over and over, for a body far larger than anyone
 * would hold in memory.
 */
public record ReplyPart(Duration delayBefore, byte[] bytes, int times) {

    public ReplyPart {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + times);
        }
    }

    public ReplyPart(Duration delayBefore, byte[] bytes) {
        this(delayBefore, bytes, 1);
    }

    public static ReplyPart now(byte[] bytes) {
        return new ReplyPart(Duration.ZERO, bytes);
    }

    public static ReplyPart after(Duration delay, String text) {
        return new ReplyPart(delay, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Bytes this part puts on the wire. */
    public long length() {
        return (long) bytes.length * times;
    }
}
