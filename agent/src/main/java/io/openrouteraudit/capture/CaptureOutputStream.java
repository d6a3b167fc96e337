package io.openrouteraudit.capture;

import java.io.OutputStream;

/** A {@link BodyCapture} for libraries that copy bytes out to a stream (Okio's {@code Buffer.copyTo}). */
public final class CaptureOutputStream extends OutputStream {

    private final BodyCapture capture;

    public CaptureOutputStream(BodyCapture capture) {
        this.capture = capture;
    }

    @Override
    public void write(int b) {
        capture.append(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        capture.append(b, off, len);
    }
}
