package io.openrouteraudit.apps;

import static io.openrouteraudit.apps.ChatRequestBodies.chat;
import static io.openrouteraudit.apps.ChatRequestBodies.chatStream;

import io.openrouteraudit.sim.SimulatedBehaviour;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Servers that misbehave below HTTP, met through OkHttp: a 100 MB body, an event stream whose
 * connection is cut, a connection reset in the middle of a body, a server that drips one byte
 * a second. Each prints the bytes the application got (counted and hashed) or the exception.
 * The calls use a client with a pool of its own, so that whether OkHttp retries on a fresh
 * connection never depends on what earlier scenarios left in the application's pool.
 */
final class OkHttpHostileScenarios {

    /** The whole call, however slowly its bytes arrive: a drip defeats any read timeout. */
    static final long DRIP_CALL_TIMEOUT_MILLIS = 2000;

    private OkHttpHostileScenarios() {
    }

    static void register(Map<String, OkHttpScenario> scenarios) {
        scenarios.put("huge-body", OkHttpHostileScenarios::hugeBody);
        scenarios.put("stream-cut", c -> streamUntilFailure(c, SimulatedBehaviour.STREAM_CUT.modelId(),
                "okhttp-stream-cut"));
        scenarios.put("stream-reset", c -> streamUntilFailure(c, SimulatedBehaviour.RESET.modelId(),
                "okhttp-stream-reset"));
        scenarios.put("reset", OkHttpHostileScenarios::reset);
        scenarios.put("drip", OkHttpHostileScenarios::drip);
    }

    private static OkHttpClient ownPool(OkHttpContext c) {
        return c.client().newBuilder().connectionPool(new ConnectionPool()).build();
    }

    private static void hugeBody(OkHttpContext c) throws Exception {
        String label = "okhttp-huge-body";
        try (Response response = ownPool(c).newCall(c.chat(label, chat(SimulatedBehaviour.HUGE_BODY.modelId(),
                label))).execute()) {
            c.head(response);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = response.body().byteStream()) {
                for (int n; (n = in.read(buffer)) != -1; ) {
                    sha.update(buffer, 0, n);
                    total += n;
                }
            }
            c.transcript().note("body " + total + " bytes sha256 " + Transcript.hex(sha.digest()));
        }
    }

    private static void streamUntilFailure(OkHttpContext c, String model, String label) throws Exception {
        try (Response response = ownPool(c).newCall(c.chat(label, chatStream(model, label))).execute()) {
            c.head(response);
            BufferedSource source = response.body().source();
            for (String line; (line = source.readUtf8Line()) != null; ) {
                c.transcript().note("| " + line);
            }
            c.transcript().note("end of body");
        } catch (IOException e) {
            c.transcript().failure(e);
        }
    }

    private static void reset(OkHttpContext c) throws Exception {
        String label = "okhttp-reset";
        try (Response response = ownPool(c).newCall(c.chat(label, chat(SimulatedBehaviour.RESET.modelId(), label)))
                .execute()) {
            c.head(response);
            c.transcript().body(response.body().bytes());
        } catch (IOException e) {
            c.transcript().failure(e);
        }
    }

    private static void drip(OkHttpContext c) throws Exception {
        String label = "okhttp-drip";
        OkHttpClient impatient = ownPool(c).newBuilder()
                .callTimeout(DRIP_CALL_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .build();
        try (Response response = impatient.newCall(c.chat(label, chat(SimulatedBehaviour.DRIP.modelId(), label)))
                .execute()) {
            c.head(response);
            c.transcript().body(response.body().bytes());
        } catch (IOException e) {
            c.transcript().failure(e);
        }
    }
}
