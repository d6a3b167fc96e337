package io.openrouteraudit.openrouter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.Locale;

/**
 * Parses an OpenRouter response body (JSON, or a server-sent-event stream) into
 * {@link ResponseFacts}. Never throws: undecodable or malformed input yields the facts read before
 * the fault with {@code parseError} set. Thread-safe.
 */
public final class ResponseParser {

    private final JsonFactory factory = JsonValues.newFactory();

    /**
     * @param contentType     the response Content-Type; "text/event-stream..." means a stream
     * @param contentEncoding the response Content-Encoding; gzip and deflate are undone for parsing
     */
    public ResponseFacts parse(byte[] body, int offset, int length, String contentType,
                               String contentEncoding) {
        boolean declaredStream = contentType != null
                && contentType.trim().toLowerCase(Locale.ROOT).startsWith("text/event-stream");
        if (!JsonValues.validRange(body, offset, length)) {
            return ResponseFacts.empty(declaredStream, true);
        }
        try {
            DecodedBody decoded = BodyDecoder.decode(body, offset, length, contentEncoding);
            if (decoded == null) {
                return ResponseFacts.empty(declaredStream, true);
            }
            boolean stream = isStream(declaredStream, decoded);
            ResponseAccumulator acc = new ResponseAccumulator(stream);
            if (decoded.corrupt) {
                acc.parseError();
            }
            if (stream) {
                readStream(decoded, acc);
            } else {
                readJson(decoded.bytes, decoded.offset, decoded.length, acc);
            }
            return acc.toFacts(decoded::toBodyOffset);
        } catch (RuntimeException | StackOverflowError e) {
            return ResponseFacts.empty(declaredStream, true);
        }
    }

    /**
     * The Content-Type decides unless the bytes say otherwise: a stream served without (or with a
     * wrong) Content-Type starts with "data:" or ":", and a "stream" that starts with '{' is a
     * JSON body (an error reported before the first event).
     */
    private static boolean isStream(boolean declaredStream, DecodedBody d) {
        int i = d.offset;
        int end = d.offset + d.length;
        if (end - i >= 3 && (d.bytes[i] & 0xFF) == 0xEF && (d.bytes[i + 1] & 0xFF) == 0xBB
                && (d.bytes[i + 2] & 0xFF) == 0xBF) {
            i += 3;
        }
        while (i < end && (d.bytes[i] == ' ' || d.bytes[i] == '\t' || d.bytes[i] == '\r'
                || d.bytes[i] == '\n')) {
            i++;
        }
        if (i == end) {
            return declaredStream;
        }
        byte first = d.bytes[i];
        if (first == ':' || startsWith(d.bytes, i, end, "data:")) {
            return true;
        }
        return declaredStream && first != '{';
    }

    private static boolean startsWith(byte[] b, int from, int end, String ascii) {
        if (end - from < ascii.length()) {
            return false;
        }
        for (int k = 0; k < ascii.length(); k++) {
            if (b[from + k] != ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private void readJson(byte[] bytes, int offset, int length, ResponseAccumulator acc) {
        try (JsonParser p = factory.createParser(bytes, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                acc.parseError(); // empty, HTML, an array, a bare value
                return;
            }
            ResponseObjectReader.read(p, acc);
            if (p.nextToken() != null) {
                acc.parseError(); // trailing garbage after the object
            }
        } catch (IOException | RuntimeException | StackOverflowError e) {
            acc.parseError(); // keep what was read before the fault
        }
    }

    private void readStream(DecodedBody decoded, ResponseAccumulator acc) {
        SseEventParser events = new SseEventParser(decoded.bytes, decoded.offset, decoded.length);
        boolean anyEvent = false;
        while (events.next()) {
            anyEvent = true;
            boolean contentBefore = acc.contentSeen();
            // A malformed event (e.g. the cut last one) spoils only itself.
            readJson(events.dataBuffer(), events.dataOffset(), events.dataLength(), acc);
            if (!contentBefore && acc.contentSeen()) {
                acc.firstContentEnd(events.endOffset());
            }
        }
        if (!anyEvent && !events.sawDone()) {
            acc.parseError(); // nothing but comments, or nothing at all
        }
    }
}
