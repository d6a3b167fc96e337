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
 * @param fault              what happens to the connection after (or instead of) the parts; null for none
 */
public record PlannedReply(int status, Map<String, String> headers, Duration delayBeforeHeaders,
                           List<ReplyPart> parts, boolean chunked, ResponseFacts facts, ConnectionFault fault) {

    public PlannedReply {
        headers = Map.copyOf(headers);
        parts = List.copyOf(parts);
    }

    /** A reply that HTTP can say: no fault of the connection. */
    public PlannedReply(int status, Map<String, String> headers, Duration delayBeforeHeaders,
                        List<ReplyPart> parts, boolean chunked, ResponseFacts facts) {
        this(status, headers, delayBeforeHeaders, parts, chunked, facts, null);
    }

    public long contentLength() {
        return parts.stream().mapToLong(ReplyPart::length).sum();
    }

    /** The same reply, followed by that fault of the connection. */
    public PlannedReply withFault(ConnectionFault connectionFault) {
        return new PlannedReply(status, headers, delayBeforeHeaders, parts, chunked, facts, connectionFault);
    }
}
