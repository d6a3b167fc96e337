package io.openrouteraudit.instrument.okhttp.binding;

import io.openrouteraudit.capture.ExchangeRecorder;
import io.openrouteraudit.capture.ExchangeTracker;
import io.openrouteraudit.capture.RequestStart;
import io.openrouteraudit.capture.ResponseHead;
import io.openrouteraudit.config.AuditConfig;
import java.io.IOException;
import java.time.Instant;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The last application interceptor of every OkHttp client: for a call to an audited host, tees
 * the request body as OkHttp writes it and the response body as the application reads it.
 * Being an application interceptor, it sees the body after OkHttp's transparent gzip, and one
 * call per {@code execute}/{@code enqueue} (a client library's own retries are new calls).
 */
public final class AuditInterceptor implements Interceptor {

    private static final String OKHTTP = "okhttp";
    private static final String OPENAI_JAVA = "openai-java";

    private final AuditConfig config;
    private final ExchangeTracker tracker;

    public AuditInterceptor(AuditConfig config, ExchangeTracker tracker) {
        this.config = config;
        this.tracker = tracker;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        ExchangeRecorder recorder = begin(request);
        if (recorder == null) {
            return chain.proceed(request);
        }
        Response response;
        try {
            response = chain.proceed(withTeedBody(request, recorder));
        } catch (IOException | RuntimeException | Error e) {
            endWithFailure(recorder, e, chain.call());
            throw e;
        }
        return withTeedBody(response, recorder, chain.call(), tracker);
    }

    /** {@code null} when the call is not audited; throws to refuse it under {@code fail-mode=closed}. */
    private ExchangeRecorder begin(Request request) throws IOException {
        RequestStart start;
        try {
            HttpUrl url = request.url();
            if (!config.isAuditedHost(url.host(), url.port())) {
                return null;
            }
            start = startOf(request, url);
        } catch (RuntimeException unexpected) {
            return null;
        }
        if (!tracker.canRecord()) {
            throw new IOException("openrouter-audit: the audit journal cannot be written (fail-mode=closed); request not sent");
        }
        return tracker.begin(start);
    }

    private RequestStart startOf(Request request, HttpUrl url) {
        String userHeader = config.userHeader();
        String title = request.header("X-Title");
        return new RequestStart(
                clientOf(request),
                request.method(),
                url.scheme(),
                url.host(),
                url.port(),
                url.encodedPath(),
                Instant.now(),
                System.nanoTime(),
                bearerOf(request.header("Authorization")),
                userHeader == null ? null : request.header(userHeader),
                title != null ? title : request.header("X-OpenRouter-Title"),
                request.header("HTTP-Referer"),
                request.header("x-session-id"));
    }

    /**
     * The outermost library of the call: the OpenAI Java SDK sends its Stainless headers and
     * user agent on every request it makes through OkHttp.
     */
    private static String clientOf(Request request) {
        String agent = request.header("User-Agent");
        if (request.header("X-Stainless-Lang") != null || (agent != null && agent.startsWith("OpenAI"))) {
            return OPENAI_JAVA;
        }
        return OKHTTP;
    }

    private static Request withTeedBody(Request request, ExchangeRecorder recorder) {
        RequestBody body = request.body();
        if (body == null || body.isDuplex()) {
            return request;
        }
        try {
            return request.newBuilder().method(request.method(), new TeeRequestBody(body, recorder.requestBody())).build();
        } catch (RuntimeException unusual) {
            return request;
        }
    }

    /** OkHttp reports {@code Call.cancel()} as an IOException; the record says what really happened. */
    static void endWithFailure(ExchangeRecorder recorder, Throwable error, Call call) {
        if (call.isCanceled()) {
            recorder.cancelled(error);
        } else {
            recorder.fail(error);
        }
    }

    private static Response withTeedBody(Response response, ExchangeRecorder recorder, Call call,
                                         ExchangeTracker tracker) {
        try {
            ResponseBody body = response.body();
            recorder.responseHead(new ResponseHead(response.code(), response.header("Content-Type"),
                    response.header("Content-Encoding"), response.header("X-Generation-Id"),
                    body == null ? -1 : body.contentLength()));
            if (body == null) {
                recorder.complete();
                return response;
            }
            TeeResponseBody teed = new TeeResponseBody(body, recorder, call);
            tracker.endWhenUnreachable(teed, recorder);
            return response.newBuilder().body(teed).build();
        } catch (RuntimeException unusual) {
            return response;
        }
    }

    static String bearerOf(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).trim() : value;
    }
}
