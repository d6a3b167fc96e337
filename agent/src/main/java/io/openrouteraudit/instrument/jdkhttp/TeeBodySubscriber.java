package io.openrouteraudit.instrument.jdkhttp;

import io.openrouteraudit.capture.ExchangeRecorder;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.net.http.HttpResponse;

/**
 * Sees each response chunk as it passes to the application's subscriber, so the application
 * reads at its own pace and nothing is buffered on its behalf. The exchange ends - and its
 * record is journaled - on the delivering thread, before the application's subscriber learns
 * that the body is complete.
 */
final class TeeBodySubscriber<T> implements HttpResponse.BodySubscriber<T> {

    private final HttpResponse.BodySubscriber<T> delegate;
    private final ExchangeRecorder recorder;

    TeeBodySubscriber(HttpResponse.BodySubscriber<T> delegate, ExchangeRecorder recorder) {
        this.delegate = delegate;
        this.recorder = recorder;
    }

    @Override
    public CompletionStage<T> getBody() {
        return delegate.getBody();
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        delegate.onSubscribe(new ObservedSubscription(subscription, recorder));
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        try {
            for (int i = 0, n = items.size(); i < n; i++) {
                recorder.responseBody().append(items.get(i));
            }
        } catch (Throwable ignored) {
            // observation only
        }
        delegate.onNext(items);
    }

    @Override
    public void onError(Throwable throwable) {
        try {
            recorder.fail(throwable);
        } catch (Throwable ignored) {
            // observation only
        }
        delegate.onError(throwable);
    }

    @Override
    public void onComplete() {
        try {
            recorder.complete();
        } catch (Throwable ignored) {
            // observation only
        }
        delegate.onComplete();
    }

    /** The application cancelling its subscription means it stopped reading the body. */
    private record ObservedSubscription(Flow.Subscription upstream, ExchangeRecorder recorder)
            implements Flow.Subscription {

        @Override
        public void request(long n) {
            upstream.request(n);
        }

        @Override
        public void cancel() {
            try {
                recorder.cancel();
            } catch (Throwable ignored) {
                // observation only
            }
            upstream.cancel();
        }
    }
}
