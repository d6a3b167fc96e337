package io.openrouteraudit.sim;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A piece of a response body, written and flushed after a pause (a stream's event, or a whole body). */
public record ReplyPart(Duration delayBefore, byte[] bytes) {

    public static ReplyPart now(byte[] bytes) {
        return new ReplyPart(Duration.ZERO, bytes);
    }

    public static ReplyPart after(Duration delay, String text) {
        return new ReplyPart(delay, text.getBytes(StandardCharsets.UTF_8));
    }
}
