package io.openrouteraudit.apps;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * What every scenario of {@link OkHttpClientApp} shares: one OkHttpClient with the
 * application's own interceptors, request building, and the transcript.
 */
final class OkHttpContext {

    static final String CHAT_COMPLETIONS = "/api/v1/chat/completions";
    /** Names the call in a header, so the interceptors' notes can be printed with the call they belong to. */
    static final String CALL_HEADER = "X-Support-Desk-Call";
    /** The header the application interceptor adds to every request. */
    static final String CLIENT_HEADER = "X-Support-Desk-Client";
    static final String CLIENT_HEADER_VALUE = "support-desk/2.3 (okhttp)";
    /** Asks both interceptors to note which body objects they were handed. */
    static final String INSPECT_HEADER = "X-Support-Desk-Inspect";
    static final MediaType JSON = MediaType.parse("application/json; charset=utf-8");

    /** Response headers worth showing; others (Date, Content-Length, Transfer-Encoding) are transport. */
    private static final List<String> SHOWN_HEADERS =
            List.of("content-type", "content-encoding", "x-generation-id", "retry-after");

    private final HttpUrl baseUrl;
    private final Transcript transcript;
    private final OkHttpClient client;
    private final Map<String, List<String>> interceptorNotes = new ConcurrentHashMap<>();

    OkHttpContext(String baseUrl, Transcript transcript) {
        this.baseUrl = HttpUrl.parse(baseUrl);
        this.transcript = transcript;
        this.client = new OkHttpClient.Builder()
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .addInterceptor(this::addClientHeader)
                .addNetworkInterceptor(this::logNetworkExchange)
                .build();
    }

    OkHttpClient client() {
        return client;
    }

    Transcript transcript() {
        return transcript;
    }

    /** A chat completion POST to the OpenRouter base URL, with the headers an OpenRouter application sends. */
    Request chat(String label, String jsonBody) {
        return post(baseUrl, label, jsonBody).build();
    }

    /** The same to another host name of the same server: one the agent is not told to audit. */
    Request chatToHost(String host, String label, String jsonBody) {
        return post(baseUrl.newBuilder().host(host).build(), label, jsonBody).build();
    }

    Request.Builder post(HttpUrl base, String label, String jsonBody) {
        return new Request.Builder()
                .url(base.newBuilder().encodedPath(CHAT_COMPLETIONS).build())
                .header("Authorization", "Bearer " + ClientIdentity.API_KEY)
                .header("HTTP-Referer", ClientIdentity.HTTP_REFERER)
                .header("X-Title", ClientIdentity.X_TITLE)
                .header(CALL_HEADER, label)
                .post(RequestBody.create(JSON, jsonBody));
    }

    /** Status, protocol and the shown headers of a response. */
    void head(Response response) {
        transcript.note("status " + response.code() + " " + response.protocol());
        for (String name : SHOWN_HEADERS) {
            String value = response.header(name);
            if (value != null) {
                transcript.note("header " + name + ": " + value);
            }
        }
    }

    /** What the application's interceptors noted about the call named {@code label}, in order. */
    void interceptorNotes(String label) {
        List<String> notes = interceptorNotes.get(label);
        if (notes == null) {
            transcript.note("interceptors: nothing noted");
            return;
        }
        synchronized (notes) {
            notes.forEach(note -> transcript.note("interceptors: " + note));
        }
    }

    void shutdown() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    /** The application interceptor: adds the application's own header, as auth or tracing interceptors do. */
    private Response addClientHeader(Interceptor.Chain chain) throws IOException {
        Request request = chain.request();
        note(request, "application interceptor saw " + request.method() + " " + request.url().encodedPath()
                + " " + CLIENT_HEADER + "=" + request.header(CLIENT_HEADER));
        boolean inspect = request.header(INSPECT_HEADER) != null;
        if (inspect) {
            note(request, "application interceptor request body " + className(request.body()));
        }
        Response response = chain.proceed(request.newBuilder().header(CLIENT_HEADER, CLIENT_HEADER_VALUE).build());
        if (inspect) {
            note(request, "application interceptor response body " + className(response.body()));
        }
        return response;
    }

    /**
     * How many interceptors a list has and whose they are: the application's own are lambdas of
     * this class, whose generated names are not stable from one run to the next.
     */
    static String describe(List<Interceptor> interceptors) {
        List<String> owners = new ArrayList<>();
        for (Interceptor interceptor : interceptors) {
            String name = interceptor.getClass().getName();
            owners.add(name.startsWith(OkHttpContext.class.getName() + "$$Lambda") ? "the application's" : name);
        }
        return interceptors.size() + " " + owners;
    }

    private static String className(Object body) {
        return body == null ? "none" : body.getClass().getName();
    }

    /**
     * The network interceptor: notes the request as it goes on the wire (after the application
     * interceptors and OkHttp's own headers) and the response as it comes off it (before
     * transparent gzip is undone).
     */
    private Response logNetworkExchange(Interceptor.Chain chain) throws IOException {
        Request request = chain.request();
        RequestBody body = request.body();
        note(request, "network request " + request.method() + " " + request.url().encodedPath()
                + " " + CLIENT_HEADER + "=" + request.header(CLIENT_HEADER)
                + " accept-encoding=" + request.header("Accept-Encoding")
                + " content-type=" + (body == null ? null : body.contentType())
                + " content-length=" + (body == null ? -1 : body.contentLength()));
        boolean inspect = request.header(INSPECT_HEADER) != null;
        if (inspect) {
            note(request, "network interceptor request body " + className(body));
        }
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            note(request, "network failure " + e.getClass().getName());
            throw e;
        }
        note(request, "network response " + response.code() + " content-type=" + response.header("Content-Type")
                + " content-encoding=" + response.header("Content-Encoding"));
        if (inspect) {
            note(request, "network interceptor response body " + className(response.body()));
        }
        return response;
    }

    private void note(Request request, String note) {
        String label = request.header(CALL_HEADER);
        List<String> notes = interceptorNotes.computeIfAbsent(label == null ? "?" : label, l -> new ArrayList<>());
        synchronized (notes) {
            notes.add(note);
        }
    }
}
