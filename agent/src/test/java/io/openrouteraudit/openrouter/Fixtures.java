package io.openrouteraudit.openrouter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Test helpers: fixture loading, SSE assembly, compression. */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/openrouter/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** One "data: json\n\n" event per argument. */
    static String events(String... jsons) {
        StringBuilder sb = new StringBuilder();
        for (String json : jsons) {
            sb.append("data: ").append(json).append("\n\n");
        }
        return sb.toString();
    }

    static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static ResponseFacts json(String body) {
        return new ResponseParser().parse(utf8(body), 0, utf8(body).length, "application/json", null);
    }

    static ResponseFacts json(byte[] body) {
        return new ResponseParser().parse(body, 0, body.length, "application/json", null);
    }

    static ResponseFacts sse(String body) {
        return sse(utf8(body));
    }

    static ResponseFacts sse(byte[] body) {
        return new ResponseParser().parse(body, 0, body.length, "text/event-stream; charset=utf-8",
                null);
    }

    static RequestFacts request(String body) {
        byte[] b = utf8(body);
        return new RequestParser().parse(b, 0, b.length);
    }
}
