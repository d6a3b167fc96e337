package io.openrouteraudit.instrument.jdkhttp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a JDK request body ahead of sending, and sending exactly it afterwards. */
class ReadAheadBodyTest {

    private static final String CHAT = "{\"model\":\"openai/gpt-4o\",\"max_tokens\":64,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Gr\u00fc\u00dfe aus M\u00fcnchen \uD83D\uDE00\"}]}";

    @TempDir
    Path tmp;

    /** What a publisher delivers, piece by piece, as the HTTP client would take it. */
    private static final class Delivery implements Flow.Subscriber<ByteBuffer> {
        final List<byte[]> pieces = new ArrayList<>();
        final CompletableFuture<Void> done = new CompletableFuture<>();

        static Delivery of(BodyPublisher publisher) throws Exception {
            Delivery delivery = new Delivery();
            publisher.subscribe(delivery);
            delivery.done.get(10, TimeUnit.SECONDS);
            return delivery;
        }

        byte[] bytes() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (byte[] piece : pieces) {
                all.writeBytes(piece);
            }
            return all.toByteArray();
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(ByteBuffer item) {
            byte[] piece = new byte[item.remaining()];
            item.get(piece);
            pieces.add(piece);
        }

        @Override
        public void onError(Throwable throwable) {
            done.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            done.complete(null);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The body read ahead is the body, and its replay sends it again with the declared length. */
    private static ReadAheadBody assertReadAndReplayed(BodyPublisher publisher, byte[] expected) throws Exception {
        long declared = publisher.contentLength();
        ReadAheadBody ahead = ReadAheadBody.read(publisher);

        assertNotNull(ahead, "a publisher of BodyPublishers can be read ahead");
        assertArrayEquals(expected, ahead.bytes());
        BodyPublisher replay = ahead.replay(declared);
        assertEquals(declared, replay.contentLength());
        assertArrayEquals(expected, Delivery.of(replay).bytes());
        assertArrayEquals(expected, Delivery.of(ahead.replay(declared)).bytes(), "a replay can be sent again (retry)");
        return ahead;
    }

    @Test
    void ofString() throws Exception {
        assertReadAndReplayed(BodyPublishers.ofString(CHAT), utf8(CHAT));
    }

    @Test
    void ofStringLargerThanOnePiece() throws Exception {
        String large = "{\"model\":\"x/y\",\"input\":\"" + "0123456789abcdef".repeat(10_000) + "\"}";
        BodyPublisher publisher = BodyPublishers.ofString(large);
        List<byte[]> originalPieces = Delivery.of(BodyPublishers.ofString(large)).pieces;

        ReadAheadBody ahead = assertReadAndReplayed(publisher, utf8(large));

        List<byte[]> replayedPieces = Delivery.of(ahead.replay(publisher.contentLength())).pieces;
        assertTrue(originalPieces.size() > 1, "the test needs a body sent in several pieces");
        assertEquals(originalPieces.size(), replayedPieces.size(), "sent in the same pieces");
        for (int i = 0; i < originalPieces.size(); i++) {
            assertArrayEquals(originalPieces.get(i), replayedPieces.get(i), "piece " + i);
        }
    }

    @Test
    void ofByteArray() throws Exception {
        assertReadAndReplayed(BodyPublishers.ofByteArray(utf8(CHAT)), utf8(CHAT));
    }

    @Test
    void ofByteArrayRange() throws Exception {
        byte[] padded = utf8("xx" + CHAT + "yy");
        assertReadAndReplayed(BodyPublishers.ofByteArray(padded, 2, padded.length - 4), utf8(CHAT));
    }

    @Test
    void ofByteArraysInTheSamePieces() throws Exception {
        List<byte[]> pieces = List.of(utf8("{\"model\":"), new byte[0], utf8("\"openai/gpt-4o\""), utf8("}"));
        BodyPublisher publisher = BodyPublishers.ofByteArrays(pieces);
        assertEquals(-1, publisher.contentLength());

        ReadAheadBody ahead = assertReadAndReplayed(publisher, utf8("{\"model\":\"openai/gpt-4o\"}"));

        List<byte[]> sent = Delivery.of(ahead.replay(-1)).pieces;
        List<byte[]> original = Delivery.of(BodyPublishers.ofByteArrays(pieces)).pieces;
        assertEquals(original.size(), sent.size());
        for (int i = 0; i < sent.size(); i++) {
            assertArrayEquals(original.get(i), sent.get(i), "piece " + i);
        }
    }

    @Test
    void ofInputStreamWhoseSupplierCanOnlyBeReadOnce() throws Exception {
        ByteArrayInputStream theOnlyStream = new ByteArrayInputStream(utf8(CHAT));
        BodyPublisher publisher = BodyPublishers.ofInputStream(() -> theOnlyStream);

        assertReadAndReplayed(publisher, utf8(CHAT));

        assertEquals(0, Delivery.of(publisher).bytes().length,
                "the original is spent: only the replay can still send the body");
    }

    @Test
    void ofFile() throws Exception {
        Path file = Files.write(tmp.resolve("request.json"), utf8(CHAT));

        assertReadAndReplayed(BodyPublishers.ofFile(file), utf8(CHAT));
    }

    @Test
    void noBody() throws Exception {
        assertReadAndReplayed(BodyPublishers.noBody(), new byte[0]);
    }

    @Test
    void anEmptyString() throws Exception {
        assertReadAndReplayed(BodyPublishers.ofString(""), new byte[0]);
    }

    @Test
    void aFixedLengthWrapperKeepsItsLength() throws Exception {
        byte[] body = utf8(CHAT);
        BodyPublisher wrapped = BodyPublishers.fromPublisher(BodyPublishers.ofByteArray(body), body.length);

        assertReadAndReplayed(wrapped, body);
    }

    @Test
    void theReplayGoesIntoARequestLikeTheOriginal() throws Exception {
        BodyPublisher publisher = BodyPublishers.ofString(CHAT);
        ReadAheadBody ahead = ReadAheadBody.read(publisher);

        HttpRequest request = HttpRequest.newBuilder(java.net.URI.create("https://openrouter.ai/api/v1/chat/completions"))
                .POST(ahead.replay(publisher.contentLength())).build();

        assertEquals(publisher.contentLength(), request.bodyPublisher().orElseThrow().contentLength());
        assertArrayEquals(utf8(CHAT), Delivery.of(request.bodyPublisher().orElseThrow()).bytes());
    }

    /** A publisher that answers only later, on a thread of its own, as a custom reactive source may. */
    private static final class LaterPublisher implements BodyPublisher {
        final AtomicBoolean cancelled = new AtomicBoolean();
        final AtomicLong requested = new AtomicLong();
        final boolean subscribesLater;
        Flow.Subscriber<? super ByteBuffer> subscriber;

        LaterPublisher(boolean subscribesLater) {
            this.subscribesLater = subscribesLater;
        }

        final Flow.Subscription subscription = new Flow.Subscription() {
            @Override
            public void request(long n) {
                requested.addAndGet(n); // the bytes would come later, from elsewhere
            }

            @Override
            public void cancel() {
                cancelled.set(true);
            }
        };

        @Override
        public long contentLength() {
            return -1;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> s) {
            subscriber = s;
            if (!subscribesLater) {
                s.onSubscribe(subscription);
            }
        }

        /** What the publisher's own thread does after {@code subscribe} has returned. */
        void deliverOnAnotherThread() throws InterruptedException {
            Thread later = new Thread(() -> {
                if (subscribesLater) {
                    subscriber.onSubscribe(subscription);
                }
                if (!cancelled.get() && requested.get() > 0) {
                    subscriber.onNext(ByteBuffer.wrap(utf8(CHAT)));
                    subscriber.onComplete();
                }
            });
            later.start();
            later.join();
        }
    }

    @Test
    void aPublisherThatDeliversLaterIsNotReadAheadButCancelled() throws Exception {
        LaterPublisher publisher = new LaterPublisher(false);

        assertNull(ReadAheadBody.read(publisher), "the calling thread must not wait for it");
        assertTrue(publisher.cancelled.get(), "the read-ahead subscription is given up at once");
    }

    @Test
    void aPublisherThatSubscribesLaterIsCancelledWhenItDoesAndNeverAskedForBytes() throws Exception {
        LaterPublisher publisher = new LaterPublisher(true);

        assertNull(ReadAheadBody.read(publisher));
        publisher.deliverOnAnotherThread();

        assertTrue(publisher.cancelled.get(), "the late subscription is cancelled on arrival");
        assertEquals(0, publisher.requested.get(),
                "no byte is drawn from a publisher whose body is sent by the original subscription");
    }

    @Test
    void aPublisherThatFailsIsNotReadAhead() {
        BodyPublisher failing = new BodyPublisher() {
            @Override
            public long contentLength() {
                return 10;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> s) {
                s.onSubscribe(new Flow.Subscription() {
                    @Override
                    public void request(long n) {
                        s.onNext(ByteBuffer.wrap(utf8("{\"mo")));
                        s.onError(new java.io.IOException("disk gone"));
                    }

                    @Override
                    public void cancel() {
                    }
                });
            }
        };

        assertNull(ReadAheadBody.read(failing));
    }

    @Test
    void aPublisherThatThrowsIsNotReadAhead() {
        BodyPublisher throwing = new BodyPublisher() {
            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> s) {
                throw new IllegalStateException("already subscribed");
            }
        };

        assertNull(ReadAheadBody.read(throwing));
    }

    @Test
    void aReplayOfAnUnknownLengthStaysUnknown() throws Exception {
        ReadAheadBody ahead = ReadAheadBody.read(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(utf8(CHAT))));

        assertNotNull(ahead);
        assertEquals(-1, ahead.replay(-1).contentLength());
        assertFalse(Delivery.of(ahead.replay(-1)).pieces.isEmpty());
    }
}
