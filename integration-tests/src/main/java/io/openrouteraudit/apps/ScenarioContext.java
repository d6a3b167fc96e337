package io.openrouteraudit.apps;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;

/** What every scenario of {@link JdkClientApp} shares: the server, the clients and the transcript. */
final class ScenarioContext {

    static final String CHAT_COMPLETIONS = "/api/v1/chat/completions";
    static final String COMPLETIONS = "/api/v1/completions";

    private final URI baseUri;
    private final HttpClient http1;
    private final HttpClient http2;
    private final Transcript transcript;

    ScenarioContext(URI baseUri, Transcript transcript) {
        this.baseUri = baseUri;
        this.transcript = transcript;
        this.http1 = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        this.http2 = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    HttpClient http1() {
        return http1;
    }

    HttpClient http2() {
        return http2;
    }

    Transcript transcript() {
        return transcript;
    }

    /** A chat completion request with this JSON body, sent as a string. */
    HttpRequest chat(String jsonBody) {
        return post(CHAT_COMPLETIONS, BodyPublishers.ofString(jsonBody)).build();
    }

    /** A POST to a path of the OpenRouter base URL, with the headers an OpenRouter application sends. */
    HttpRequest.Builder post(String path, BodyPublisher body) {
        return post(baseUri.resolve(path), body);
    }

    /** The same, to a full URI (another host, a closed port). */
    static HttpRequest.Builder post(URI uri, BodyPublisher body) {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + ClientIdentity.API_KEY)
                .header("HTTP-Referer", ClientIdentity.HTTP_REFERER)
                .header("X-Title", ClientIdentity.X_TITLE)
                .header("Content-Type", "application/json")
                .POST(body);
    }

    /** The base URL with another host name (same port): a host the agent is not told to audit. */
    URI baseUriWithHost(String host) {
        try {
            return new URI(baseUri.getScheme(), null, host, baseUri.getPort(), baseUri.getPath(), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
