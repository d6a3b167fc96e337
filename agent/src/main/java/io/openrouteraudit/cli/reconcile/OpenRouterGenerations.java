package io.openrouteraudit.cli.reconcile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * OpenRouter's {@code GET /api/v1/generation?id=} over the JDK {@link HttpClient}, with the key
 * as a bearer token. A 404 is retried along the {@link BackoffPolicy} (OpenRouter answers 404
 * for a second or more after a call ends) and reported as {@link LookupOutcome.NotFound} when
 * the budget runs out; 408, 429 and 5xx, and a connection dropped mid-exchange, are retried the
 * same way, waiting at least what {@code Retry-After} asks; a refused key, any other status, an
 * unreachable server or an unreadable answer stop the reconciliation.
 *
 * <p>The command line runs without the agent attached, so these calls are not audited.
 */
public final class OpenRouterGenerations implements GenerationSource {

    /** The pause between requests; a test replaces it to run the schedule without waiting. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public static final String DEFAULT_BASE_URL = "https://openrouter.ai";
    static final String PATH = "/api/v1/generation";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final JsonFactory JSON = new JsonFactory();
    private static final int MAX_MESSAGE = 200;

    private final HttpClient client;
    private final URI base;
    private final String apiKey;
    private final Sleeper sleeper;

    public OpenRouterGenerations(URI base, String apiKey, Sleeper sleeper) {
        this.base = base;
        this.apiKey = apiKey;
        this.sleeper = sleeper;
        this.client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public OpenRouterGenerations(URI base, String apiKey) {
        this(base, apiKey, duration -> Thread.sleep(duration.toMillis()));
    }

    /**
     * The base URL as given by {@code --base-url}: http or https, a host, no query; a trailing
     * {@code /} or {@code /api/v1} (as SDKs are configured) is dropped. Plain http only to a
     * loopback host, since every request carries the API key.
     *
     * @throws IllegalArgumentException with a one-line explanation
     */
    public static URI baseUrl(String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a URL (e.g. " + DEFAULT_BASE_URL + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + text + "' is not an http(s) URL with a host (e.g. "
                    + DEFAULT_BASE_URL + ")");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("'" + text + "' must not carry a query, fragment or user info");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("'" + text + "' would send the API key unencrypted; use https "
                    + "(plain http is allowed only to localhost)");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.endsWith("/api/v1")) {
            path = path.substring(0, path.length() - "/api/v1".length());
        }
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.")
                || h.equals("[::1]") || h.equals("::1");
    }

    /** The lookup URL of one generation. */
    URI lookupUri(String generationId) {
        return URI.create(base + PATH + "?id=" + URLEncoder.encode(generationId, StandardCharsets.UTF_8));
    }

    @Override
    public LookupOutcome lookup(String generationId, BackoffPolicy policy)
            throws ReconcileException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(lookupUri(generationId))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json")
                .header("User-Agent", "openrouter-audit-agent reconcile")
                .GET()
                .build();
        int attempts = 0;
        Duration waited = Duration.ZERO;
        while (true) {
            attempts++;
            String failure;
            Duration retryAfter = null;
            boolean notFound = false;
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 200) {
                    return new LookupOutcome.Found(parse(generationId, response.body()), attempts);
                }
                if (status == 401 || status == 403) {
                    throw new ReconcileException(base + " refused the key in OPENROUTER_API_KEY (HTTP " + status
                            + messageOf(response.body()) + ")");
                }
                if (status == 404) {
                    notFound = true;
                    failure = "HTTP 404";
                } else if (status == 408 || status == 429 || status >= 500 && status <= 599) {
                    retryAfter = retryAfter(response.headers().firstValue("Retry-After"));
                    failure = "HTTP " + status + messageOf(response.body());
                } else {
                    throw new ReconcileException(base + " answered HTTP " + status + " for generation "
                            + generationId + messageOf(response.body()));
                }
            } catch (ConnectException | HttpConnectTimeoutException e) {
                throw new ReconcileException("cannot reach " + base + ": " + describe(e));
            } catch (IOException e) {
                failure = describe(e);
            }
            Optional<Duration> next = policy.nextDelay(attempts, waited, retryAfter);
            if (next.isEmpty()) {
                if (notFound) {
                    return new LookupOutcome.NotFound(attempts, waited);
                }
                throw new ReconcileException(base + " kept failing for generation " + generationId + ": "
                        + failure + " after " + attempts + (attempts == 1 ? " attempt" : " attempts")
                        + (retryAfter != null ? " (it asked to retry after " + retryAfter.toSeconds() + " s)" : ""));
            }
            sleeper.sleep(next.get());
            waited = waited.plus(next.get());
        }
    }

    private GenerationStats parse(String generationId, String body) throws ReconcileException {
        try {
            return GenerationStats.parse(body);
        } catch (IOException e) {
            throw new ReconcileException(base + " answered unreadably for generation " + generationId + ": "
                    + clean(e.getMessage()));
        }
    }

    /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(Optional<String> header) {
        if (header.isEmpty()) {
            return null;
        }
        String value = header.get().trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration until = Duration.between(Instant.now(), at);
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    /** {@code ": " + error.message} of an OpenRouter error body, cleaned and shortened; empty when none. */
    private String messageOf(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return "";
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("error") && value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String member = p.currentName();
                        JsonToken v = p.nextToken();
                        if (member.equals("message") && v == JsonToken.VALUE_STRING) {
                            return ": " + clean(p.getText());
                        }
                        p.skipChildren();
                    }
                    return "";
                }
                p.skipChildren();
            }
            return "";
        } catch (IOException e) {
            return "";
        }
    }

    private String describe(IOException e) {
        String message = e.getMessage();
        Throwable cause = e.getCause();
        if ((message == null || message.isBlank()) && cause != null) {
            message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        }
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " " + clean(message));
    }

    /** One line, never the key, not too long. */
    private String clean(String text) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("[\\r\\n\\t]+", " ");
        if (!apiKey.isEmpty()) {
            line = line.replace(apiKey, "[API_KEY]");
        }
        return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE) + "…" : line;
    }
}
