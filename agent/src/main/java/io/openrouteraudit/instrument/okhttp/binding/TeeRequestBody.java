package io.openrouteraudit.instrument.okhttp.binding;

import io.openrouteraudit.capture.BodyCapture;
import io.openrouteraudit.capture.CaptureOutputStream;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.ForwardingSink;
import okio.Okio;

/**
 * The application's request body, copied (bounded) as OkHttp writes it to the network: a
 * one-shot body is still written exactly once, by OkHttp, as before.
 */
final class TeeRequestBody extends RequestBody {

    private final RequestBody delegate;
    private final BodyCapture capture;

    TeeRequestBody(RequestBody delegate, BodyCapture capture) {
        this.delegate = delegate;
        this.capture = capture;
    }

    @Override
    public MediaType contentType() {
        return delegate.contentType();
    }

    @Override
    public long contentLength() throws IOException {
        return delegate.contentLength();
    }

    @Override
    public boolean isOneShot() {
        return delegate.isOneShot();
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        // A retry writes the body again: the record keeps the last attempt's bytes.
        capture.reset();
        CaptureOutputStream copy = new CaptureOutputStream(capture);
        BufferedSink teed = Okio.buffer(new ForwardingSink(sink) {
            @Override
            public void write(Buffer source, long byteCount) throws IOException {
                try {
                    source.copyTo(copy, 0, byteCount);
                } catch (RuntimeException ignored) {
                    // observation only
                }
                super.write(source, byteCount);
            }
        });
        delegate.writeTo(teed);
        teed.emit();
    }
}
