package io.openrouteraudit.cli;

import io.openrouteraudit.redact.Redactor;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Copies UTF-8 text from a stream to a stream, each line redacted on its own, in chunks: memory
 * is one chunk plus the longest line, whatever the input's size. Line ends ({@code \n} or
 * {@code \r\n}) are written back as read, and a last line without one stays without one.
 *
 * <p>It works on bytes, not through a {@link java.io.Reader}: a {@code '\n'} byte never occurs
 * inside a UTF-8 sequence, so lines can be cut in the byte stream; a line is decoded for the
 * redactor (the JDK's fast path for ASCII), and a line the redactor leaves alone is written back
 * as the very bytes read, so clean text costs no encoding and comes out byte for byte, even
 * where it is not valid UTF-8. A redacted line is encoded as UTF-8.
 *
 * <p>Output is flushed after every chunk read, so piped from {@code tail -f} each line shows up
 * as soon as it is complete, while a large file still costs one write per chunk, not per line.
 */
final class LineRedactingCopy {

    private static final int CHUNK_BYTES = 1 << 16;

    private final Redactor redactor;
    private final byte[] outBuffer = new byte[CHUNK_BYTES];
    private int outCount;
    private byte[] pending = new byte[256];
    private int pendingCount;

    LineRedactingCopy(Redactor redactor) {
        this.redactor = redactor;
    }

    /** Returns false when stdout went away before the input ended (e.g. {@code | head}). */
    boolean copy(InputStream in, PrintStream out) throws IOException {
        byte[] chunk = new byte[CHUNK_BYTES];
        int read;
        while ((read = in.read(chunk)) >= 0) {
            int lineStart = 0;
            for (int i = 0; i < read; i++) {
                if (chunk[i] != '\n') {
                    continue;
                }
                if (pendingCount == 0) {
                    writeRedacted(chunk, lineStart, i, out);
                } else {
                    keep(chunk, lineStart, i);
                    writeRedacted(pending, 0, pendingCount, out);
                    pendingCount = 0;
                }
                put((byte) '\n', out);
                lineStart = i + 1;
            }
            keep(chunk, lineStart, read);
            drain(out);
            out.flush();
            if (out.checkError()) {
                return false;
            }
        }
        if (pendingCount > 0) {
            writeRedacted(pending, 0, pendingCount, out);
        }
        drain(out);
        out.flush();
        return !out.checkError();
    }

    /** The line in {@code bytes[from, to)} without its {@code \r}, redacted, then the {@code \r} back. */
    private void writeRedacted(byte[] bytes, int from, int to, PrintStream out) {
        int end = to > from && bytes[to - 1] == '\r' ? to - 1 : to;
        String line = new String(bytes, from, end - from, StandardCharsets.UTF_8);
        String redacted = redactor.redactText(line);
        if (redacted == line) { // untouched: the original bytes, not a re-encoding of them
            put(bytes, from, to - from, out);
        } else {
            byte[] encoded = redacted.getBytes(StandardCharsets.UTF_8);
            put(encoded, 0, encoded.length, out);
            if (end < to) {
                put((byte) '\r', out);
            }
        }
    }

    /** Appends {@code bytes[from, to)} to the unfinished line. */
    private void keep(byte[] bytes, int from, int to) {
        int length = to - from;
        if (pendingCount + length > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pendingCount + length, pending.length * 2));
        }
        System.arraycopy(bytes, from, pending, pendingCount, length);
        pendingCount += length;
    }

    private void put(byte b, PrintStream out) {
        if (outCount == outBuffer.length) {
            drain(out);
        }
        outBuffer[outCount++] = b;
    }

    private void put(byte[] bytes, int from, int length, PrintStream out) {
        if (length > outBuffer.length - outCount) {
            drain(out);
            if (length > outBuffer.length) {
                out.write(bytes, from, length);
                return;
            }
        }
        System.arraycopy(bytes, from, outBuffer, outCount, length);
        outCount += length;
    }

    private void drain(PrintStream out) {
        out.write(outBuffer, 0, outCount);
        outCount = 0;
    }
}
