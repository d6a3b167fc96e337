package io.openrouteraudit.instrument.jdkhttp;

import io.openrouteraudit.bootstrap.JdkHttpClientHooks;
import io.openrouteraudit.capture.BearerToken;
import io.openrouteraudit.capture.ExchangeRecorder;
import io.openrouteraudit.capture.ExchangeTracker;
import io.openrouteraudit.capture.RequestStart;
import io.openrouteraudit.config.AuditConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Turns a JDK HttpClient call to an audited host into an exchange: a tee on the request's body
 * publisher, a tee on the response's body handler, and the end of the call's future.
 */
public final class JdkExchangeHooks implements JdkHttpClientHooks {

    static final String CLIENT = "jdk-httpclient";

    private final AuditConfig config;
    private final ExchangeTracker tracker;

    public JdkExchangeHooks(AuditConfig config, ExchangeTracker tracker) {
        this.config = config;
        this.tracker = tracker;
    }

    @Override
    public Object[] onSend(Object requestObject, Object handlerObject) {
        if (!(requestObject instanceof HttpRequest request)
                || !(handlerObject instanceof HttpResponse.BodyHandler<?> handler)) {
            return null;
        }
        URI uri = request.uri();
        String host = uri.getHost();
        if (host == null || !config.isAuditedHost(host, effectivePort(uri)) || tracker.isAgentThread()) {
            return null;
        }
        if (!tracker.canRecord()) {
            return new Object[] {request, handler, CompletableFuture.failedFuture(new IOException(
                    "openrouter-audit: the audit journal cannot be written (fail-mode=closed); request not sent"))};
        }
        RequestStart start = startOf(request, uri, host);
        HttpRequest toSend = request;
        Optional<HttpRequest.BodyPublisher> publisher = request.bodyPublisher();
        ReadAheadBody ahead = tracker.gateNeedsBody() && publisher.isPresent()
                ? ReadAheadBody.read(publisher.get()) : null;
        ExchangeRecorder recorder = tracker.beginSending(start, ahead == null ? null : ahead.bytes());
        if (ahead != null && recorder.refusal() == null) {
            toSend = withPublisher(request, ahead.replay(publisher.get().contentLength()));
        }
        if (recorder.refusal() != null) {
            return new Object[] {request, handler, CompletableFuture.failedFuture(new IOException(recorder.refusal()))};
        }
        HttpRequest sent = withTeedBody(toSend, recorder);
        return new Object[] {sent, new TeeBodyHandler<>(handler, recorder), null};
    }

    @Override
    public void onIssued(Object bodyHandler, Object responseFuture, Throwable thrown) {
        if (!(bodyHandler instanceof TeeBodyHandler<?> teed)) {
            return;
        }
        ExchangeRecorder recorder = teed.recorder();
        if (thrown != null) {
            recorder.fail(thrown);
        } else if (responseFuture instanceof CompletableFuture<?> future) {
            // A dependent stage only observes: the application's future keeps its own result.
            future.whenComplete((response, error) -> {
                if (error != null) {
                    recorder.fail(error);
                }
            });
        }
    }

    private RequestStart startOf(HttpRequest request, URI uri, String host) {
        HttpHeaders headers = request.headers();
        String userHeader = config.userHeader();
        return new RequestStart(
                CLIENT,
                request.method(),
                uri.getScheme(),
                host,
                effectivePort(uri),
                uri.getRawPath(),
                Instant.now(),
                System.nanoTime(),
                BearerToken.of(headers.firstValue("Authorization").orElse(null)),
                userHeader == null ? null : headers.firstValue(userHeader).orElse(null),
                headers.firstValue("X-Title").or(() -> headers.firstValue("X-OpenRouter-Title")).orElse(null),
                headers.firstValue("HTTP-Referer").orElse(null),
                headers.firstValue("x-session-id").orElse(null));
    }

    private static HttpRequest withTeedBody(HttpRequest request, ExchangeRecorder recorder) {
        Optional<HttpRequest.BodyPublisher> publisher = request.bodyPublisher();
        if (publisher.isEmpty()) {
            return request;
        }
        return withPublisher(request, new TeeBodyPublisher(publisher.get(), recorder.requestBody()));
    }

    private static HttpRequest withPublisher(HttpRequest request, HttpRequest.BodyPublisher publisher) {
        try {
            // A copy with every header, the method, timeout, version and expect-continue of the
            // original (JDK 16+); only the publisher differs.
            return HttpRequest.newBuilder(request, (name, value) -> true)
                    .method(request.method(), publisher)
                    .build();
        } catch (RuntimeException unusual) {
            return request;
        }
    }

    static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
