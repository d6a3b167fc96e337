package io.openrouteraudit.instrument.jdkhttp;

import io.openrouteraudit.capture.ExchangeRecorder;
import io.openrouteraudit.capture.ResponseHead;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;

/** Wraps the application's handler: notes the response head, tees the body subscriber. */
final class TeeBodyHandler<T> implements HttpResponse.BodyHandler<T> {

    private final HttpResponse.BodyHandler<T> delegate;
    private final ExchangeRecorder recorder;

    TeeBodyHandler(HttpResponse.BodyHandler<T> delegate, ExchangeRecorder recorder) {
        this.delegate = delegate;
        this.recorder = recorder;
    }

    /** The exchange of the call this handler was made for. */
    ExchangeRecorder recorder() {
        return recorder;
    }

    @Override
    public HttpResponse.BodySubscriber<T> apply(HttpResponse.ResponseInfo info) {
        try {
            HttpHeaders headers = info.headers();
            recorder.responseHead(new ResponseHead(info.statusCode(),
                    headers.firstValue("Content-Type").orElse(null),
                    headers.firstValue("Content-Encoding").orElse(null),
                    headers.firstValue("X-Generation-Id").orElse(null),
                    headers.firstValueAsLong("Content-Length").orElse(-1)));
        } catch (Throwable ignored) {
            // observation only
        }
        HttpResponse.BodySubscriber<T> subscriber = delegate.apply(info);
        return subscriber == null ? null : new TeeBodySubscriber<>(subscriber, recorder);
    }
}
