package io.openrouteraudit.cli;

import io.openrouteraudit.redact.Redactor;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Copies UTF-8 text from a stream to a stream, each line redacted on its own, in chunks: memory
 * is one chunk plus the longest line, whatever the input's size. Line ends ({@code \n} or
 * {@code \r\n}) are written back as read, and a last line without one stays without one, so the
 * output differs from the input only where something was redacted.
 *
 * <p>Output is flushed after every chunk read, so piped from {@code tail -f} each line shows up
 * as soon as it is complete, while a large file still costs one write per chunk, not per line.
 */
final class LineRedactingCopy {

    private static final int CHUNK_CHARS = 1 << 16;

    private final Redactor redactor;

    LineRedactingCopy(Redactor redactor) {
        this.redactor = redactor;
    }

    /** Returns false when stdout went away before the input ended (e.g. {@code | head}). */
    boolean copy(InputStream in, PrintStream out) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CHUNK_CHARS);
        char[] chunk = new char[CHUNK_CHARS];
        StringBuilder pending = new StringBuilder();
        int read;
        while ((read = reader.read(chunk)) >= 0) {
            int lineStart = 0;
            for (int i = 0; i < read; i++) {
                if (chunk[i] != '\n') {
                    continue;
                }
                String line;
                if (pending.length() == 0) {
                    line = new String(chunk, lineStart, i - lineStart);
                } else {
                    line = pending.append(chunk, lineStart, i - lineStart).toString();
                    pending.setLength(0);
                }
                writeRedacted(line, writer);
                writer.write('\n');
                lineStart = i + 1;
            }
            pending.append(chunk, lineStart, read - lineStart);
            writer.flush();
            if (out.checkError()) {
                return false;
            }
        }
        if (pending.length() > 0) {
            writeRedacted(pending.toString(), writer);
        }
        writer.flush();
        return !out.checkError();
    }

    /** The line without its {@code \r}, redacted, then the {@code \r} back. */
    private void writeRedacted(String line, Writer writer) throws IOException {
        boolean carriageReturn = line.endsWith("\r");
        String text = carriageReturn ? line.substring(0, line.length() - 1) : line;
        writer.write(redactor.redactText(text));
        if (carriageReturn) {
            writer.write('\r');
        }
    }
}
