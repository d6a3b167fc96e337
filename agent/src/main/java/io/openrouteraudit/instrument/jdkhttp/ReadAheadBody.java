package io.openrouteraudit.instrument.jdkhttp;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * A request body read before it is sent, so that the policy can refuse the request while no byte
 * has left. Only a publisher that delivers its whole body during {@code subscribe} on the calling
 * thread - every one of {@code HttpRequest.BodyPublishers} does - can be read ahead; any other is
 * cancelled at once and sent as it is. What was read is then sent in place of the original, in
 * the same pieces and with the same declared length, so a publisher that can only be read once
 * still sends its bytes, and the wire sees exactly what it would have.
 */
final class ReadAheadBody implements Flow.Subscriber<ByteBuffer> {

    private final List<byte[]> pieces = new ArrayList<>();
    private int size;
    private Flow.Subscription subscription;
    private boolean complete;
    private boolean failed;
    private boolean cancelled;

    private ReadAheadBody() {
    }

    /** The publisher's whole body, or {@code null} when it cannot be had without waiting. */
    static ReadAheadBody read(HttpRequest.BodyPublisher publisher) {
        ReadAheadBody body = new ReadAheadBody();
        try {
            publisher.subscribe(body);
        } catch (RuntimeException e) {
            body.onError(e);
        }
        return body.wholeOrCancelled() ? body : null;
    }

    /** Whether the whole body arrived; if not, gives up the subscription, now or when it comes. */
    private boolean wholeOrCancelled() {
        Flow.Subscription s;
        synchronized (this) {
            if (complete && !failed) {
                return true;
            }
            cancelled = true;
            s = subscription;
        }
        cancel(s); // outside the lock: a publisher may signal from its own thread while cancelling
        return false;
    }

    /** Every byte, in one array: what the policy judges. */
    byte[] bytes() {
        byte[] all = new byte[size];
        int at = 0;
        for (byte[] piece : pieces) {
            System.arraycopy(piece, 0, all, at, piece.length);
            at += piece.length;
        }
        return all;
    }

    /** A publisher of the same pieces that declares the original's length. */
    HttpRequest.BodyPublisher replay(long declaredLength) {
        if (declaredLength == 0) {
            return HttpRequest.BodyPublishers.noBody();
        }
        HttpRequest.BodyPublisher pieceByPiece = HttpRequest.BodyPublishers.ofByteArrays(List.copyOf(pieces));
        return declaredLength > 0
                ? HttpRequest.BodyPublishers.fromPublisher(pieceByPiece, declaredLength)
                : pieceByPiece;
    }

    private static void cancel(Flow.Subscription s) {
        if (s != null) {
            try {
                s.cancel();
            } catch (RuntimeException ignored) {
                // the publisher's own failure; nothing to undo
            }
        }
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (cancelled) {
            // A publisher may subscribe on its own thread after read() gave up: drawing its bytes
            // now would take them from the original request, which is sent as it is.
            cancel(s);
            return;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public synchronized void onNext(ByteBuffer item) {
        byte[] piece = new byte[item.remaining()];
        item.duplicate().get(piece);
        pieces.add(piece);
        size += piece.length;
    }

    @Override
    public synchronized void onError(Throwable throwable) {
        failed = true;
    }

    @Override
    public synchronized void onComplete() {
        complete = true;
    }
}
