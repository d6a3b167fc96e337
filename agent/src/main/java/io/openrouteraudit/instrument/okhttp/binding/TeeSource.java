package io.openrouteraudit.instrument.okhttp.binding;

import io.openrouteraudit.capture.CaptureOutputStream;
import io.openrouteraudit.capture.ExchangeRecorder;
import java.io.IOException;
import okhttp3.Call;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Source;

/**
 * Copies each chunk the application reads and ends the exchange where the application's read
 * ends: at end of body (recorded before the application sees it), on an error, or when the
 * application closes the body early.
 */
final class TeeSource extends ForwardingSource {

    private final ExchangeRecorder recorder;
    private final Call call;
    private final CaptureOutputStream copy;

    TeeSource(Source delegate, ExchangeRecorder recorder, Call call) {
        super(delegate);
        this.recorder = recorder;
        this.call = call;
        this.copy = new CaptureOutputStream(recorder.responseBody());
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
        long read;
        try {
            read = super.read(sink, byteCount);
        } catch (IOException | RuntimeException e) {
            AuditInterceptor.endWithFailure(recorder, e, call);
            throw e;
        }
        try {
            if (read > 0) {
                sink.copyTo(copy, sink.size() - read, read);
            } else if (read == -1) {
                recorder.complete();
            }
        } catch (RuntimeException ignored) {
            // observation only
        }
        return read;
    }

    @Override
    public void close() throws IOException {
        try {
            recorder.cancel();
        } catch (RuntimeException ignored) {
            // observation only
        }
        super.close();
    }
}
