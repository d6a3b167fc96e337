package io.openrouteraudit.sim;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The complete answer to one request, decided before a byte is written.
 *
 * @param delayBeforeHeaders how long the server "thinks" before the status line
 * @param chunked            send with chunked transfer coding (event streams); otherwise
 *                           with a Content-Length, or with no body when there are no parts
 */
public record PlannedReply(int status, Map<String, String> headers, Duration delayBeforeHeaders,
                           List<ReplyPart> parts, boolean chunked, ResponseFacts facts) {

    public PlannedReply {
        headers = Map.copyOf(headers);
        parts = List.copyOf(parts);
    }

    public int contentLength() {
        return parts.stream().mapToInt(p -> p.bytes().length).sum();
    }
}
