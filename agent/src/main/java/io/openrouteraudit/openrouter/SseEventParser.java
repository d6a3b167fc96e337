package io.openrouteraudit.openrouter;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a server-sent-event body into events, one {@link #next()} at a time, without copying
 * single-line data. Follows the SSE line rules: lines end in LF, CRLF or CR; a blank line ends an
 * event; lines starting with ':' are comments (OpenRouter's ": OPENROUTER PROCESSING" keep-alives);
 * several "data:" lines of one event are joined with '\n'; other fields (event, id, retry) are
 * ignored. Iteration stops at "data: [DONE]". Unlike a browser, a last event without its blank line
 * (a stream cut by the network) is still delivered, because its usage or error matters for audit.
 *
 * <p>Not thread-safe; one instance per body.
 */
public final class SseEventParser {

    private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

    private final byte[] body;
    private final int start;
    private final int end;
    private int pos;
    private boolean finished;
    private boolean sawDone;

    // The current event's data: a slice of body for one data line, else the join buffer.
    private byte[] dataBuf;
    private int dataOff;
    private int dataLen;
    private int dataLines;
    private byte[] joined = new byte[0];
    private long eventEnd = -1;
    private boolean eventCut;

    /** Splits {@code body[offset, offset + length)}; offsets reported are relative to offset. */
    public SseEventParser(byte[] body, int offset, int length) {
        if (!JsonValues.validRange(body, offset, length)) {
            this.body = new byte[0];
            this.start = 0;
            this.end = 0;
        } else {
            this.body = body;
            this.start = offset;
            this.end = offset + length;
        }
        pos = start;
        if (end - pos >= 3 && (body[pos] & 0xFF) == 0xEF && (body[pos + 1] & 0xFF) == 0xBB
                && (body[pos + 2] & 0xFF) == 0xBF) {
            pos += 3; // UTF-8 byte-order mark
        }
    }

    /** Advances to the next event that has data; false when the body is exhausted or at [DONE]. */
    public boolean next() {
        if (finished) {
            return false;
        }
        dataLines = 0;
        dataLen = 0;
        while (pos < end) {
            int lineStart = pos;
            int lineEnd = lineStart;
            while (lineEnd < end && body[lineEnd] != '\n' && body[lineEnd] != '\r') {
                lineEnd++;
            }
            pos = lineEnd;
            if (pos < end && body[pos] == '\r') {
                pos++;
            }
            if (pos < end && body[pos] == '\n') { // LF alone, or the LF of CRLF
                pos++;
            }
            if (lineEnd == lineStart) {
                if (dataLines > 0 && deliver(pos - start, false)) {
                    return true;
                }
                if (finished) {
                    return false;
                }
                continue;
            }
            readLine(lineStart, lineEnd);
        }
        // End of the bytes: a pending event was cut before its blank line.
        return dataLines > 0 && deliver(end - start, true);
    }

    private void readLine(int lineStart, int lineEnd) {
        if (body[lineStart] == ':') {
            return; // comment / keep-alive
        }
        int colon = lineStart;
        while (colon < lineEnd && body[colon] != ':') {
            colon++;
        }
        if (colon - lineStart != 4 || body[lineStart] != 'd' || body[lineStart + 1] != 'a'
                || body[lineStart + 2] != 't' || body[lineStart + 3] != 'a') {
            return; // event:, id:, retry: and unknown fields carry nothing we need
        }
        int valueStart = Math.min(colon + 1, lineEnd);
        if (valueStart < lineEnd && body[valueStart] == ' ') {
            valueStart++;
        }
        appendData(valueStart, lineEnd - valueStart);
    }

    private void appendData(int off, int len) {
        if (dataLines == 0) {
            dataBuf = body;
            dataOff = off;
            dataLen = len;
        } else {
            if (dataBuf != joined) { // second line: move the first into the join buffer
                ensureJoined(dataLen);
                System.arraycopy(body, dataOff, joined, 0, dataLen);
                dataBuf = joined;
                dataOff = 0;
            }
            ensureJoined(dataLen + 1 + len);
            joined[dataLen] = '\n';
            System.arraycopy(body, off, joined, dataLen + 1, len);
            dataLen += 1 + len;
            dataBuf = joined;
        }
        dataLines++;
    }

    private void ensureJoined(int capacity) {
        if (joined.length < capacity) {
            joined = Arrays.copyOf(joined, Math.max(capacity, joined.length * 2));
        }
    }

    private boolean deliver(long endOffset, boolean cut) {
        if (isDone()) {
            sawDone = true;
            finished = true;
            return false;
        }
        eventEnd = endOffset;
        eventCut = cut;
        if (cut) {
            finished = true;
        }
        return true;
    }

    private boolean isDone() {
        int from = dataOff;
        int to = dataOff + dataLen;
        while (from < to && isBlank(dataBuf[from])) {
            from++;
        }
        while (to > from && isBlank(dataBuf[to - 1])) {
            to--;
        }
        return Arrays.equals(dataBuf, from, to, DONE, 0, DONE.length);
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    /** The buffer holding the current event's data (the body itself, or an internal buffer). */
    public byte[] dataBuffer() {
        return dataBuf;
    }

    public int dataOffset() {
        return dataOff;
    }

    public int dataLength() {
        return dataLen;
    }

    /** The current event's data decoded as UTF-8. */
    public String data() {
        return new String(dataBuf, dataOff, dataLen, StandardCharsets.UTF_8);
    }

    /** Byte offset just past the current event (after its blank line), relative to the start. */
    public long endOffset() {
        return eventEnd;
    }

    /** The current event ended with the bytes instead of a blank line. */
    public boolean cut() {
        return eventCut;
    }

    /** Iteration stopped at a "data: [DONE]" event. */
    public boolean sawDone() {
        return sawDone;
    }
}
