package io.openrouteraudit.instrument.okhttp.binding;

import io.openrouteraudit.capture.ExchangeRecorder;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.Okio;

/** The response body the application reads, through a {@link TeeSource}. */
final class TeeResponseBody extends ResponseBody {

    private final ResponseBody delegate;
    private final BufferedSource source;

    TeeResponseBody(ResponseBody delegate, ExchangeRecorder recorder, Call call) {
        this.delegate = delegate;
        this.source = Okio.buffer(new TeeSource(delegate.source(), recorder, call));
    }

    @Override
    public MediaType contentType() {
        return delegate.contentType();
    }

    @Override
    public long contentLength() {
        return delegate.contentLength();
    }

    @Override
    public BufferedSource source() {
        return source;
    }
}
