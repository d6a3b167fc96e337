package io.openrouteraudit.instrument.jdkhttp;

import io.openrouteraudit.capture.BodyCapture;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;

/**
 * Wraps the application's body publisher and copies (bounded) each buffer on its way to the
 * wire. A one-shot publisher is still subscribed exactly as often as the JDK would have.
 */
final class TeeBodyPublisher implements HttpRequest.BodyPublisher {

    private final HttpRequest.BodyPublisher delegate;
    private final BodyCapture capture;

    TeeBodyPublisher(HttpRequest.BodyPublisher delegate, BodyCapture capture) {
        this.delegate = delegate;
        this.capture = capture;
    }

    @Override
    public long contentLength() {
        return delegate.contentLength();
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        // A redirect or retry subscribes again; the record keeps the last attempt's body.
        capture.reset();
        delegate.subscribe(new TeeSubscriber(subscriber, capture));
    }

    private record TeeSubscriber(Flow.Subscriber<? super ByteBuffer> downstream, BodyCapture capture)
            implements Flow.Subscriber<ByteBuffer> {

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            downstream.onSubscribe(subscription);
        }

        @Override
        public void onNext(ByteBuffer item) {
            try {
                capture.append(item);
            } catch (Throwable ignored) {
                // observation only
            }
            downstream.onNext(item);
        }

        @Override
        public void onError(Throwable throwable) {
            downstream.onError(throwable);
        }

        @Override
        public void onComplete() {
            downstream.onComplete();
        }
    }
}
