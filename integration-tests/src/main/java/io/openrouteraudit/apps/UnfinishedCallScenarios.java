package io.openrouteraudit.apps;

import static io.openrouteraudit.apps.ChatRequestBodies.chat;
import static io.openrouteraudit.apps.ChatRequestBodies.chatStream;

import io.openrouteraudit.sim.SimulatedBehaviour;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Calls the application starts and never finishes itself: one cancelled while the server is
 * still thinking, and a stream whose response it takes and never reads nor closes.
 */
final class UnfinishedCallScenarios {

    /**
     * Well inside the simulator's delay for {@code sim/slow} (the call is still waiting for its
     * head), and long after the request has left even on a loaded machine: a cancel before the
     * request is written fails the future differently.
     */
    static final long CANCEL_AFTER_MILLIS = 1500;

    private UnfinishedCallScenarios() {
    }

    static void register(Map<String, Scenario> scenarios) {
        scenarios.put("cancel-async", UnfinishedCallScenarios::cancelAsync);
        scenarios.put("never-read", UnfinishedCallScenarios::neverRead);
    }

    /** {@code CompletableFuture.cancel} on sendAsync's future, which cancels the exchange (JDK 16+). */
    private static void cancelAsync(ScenarioContext c) throws Exception {
        CompletableFuture<HttpResponse<String>> call = c.http1().sendAsync(
                c.chat(chat(SimulatedBehaviour.SLOW.modelId(), "cancel-async")), BodyHandlers.ofString());
        Thread.sleep(CANCEL_AFTER_MILLIS);
        c.transcript().note("cancelled: " + call.cancel(true));
        try {
            call.join();
            c.transcript().note("unexpected: answered after cancel");
        } catch (CancellationException | CompletionException e) {
            // Whether a cancellation ended it, not how the JDK wrapped it: whichever of its threads
            // sees the cancel first decides between a bare CancellationException and one inside a
            // CompletionException, and the message ("Request cancelled", "join" or none), with or
            // without any agent.
            c.transcript().note(endedByCancellation(e) ? "ended by cancellation" : "exception " + e);
        }
    }

    private static boolean endedByCancellation(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CancellationException) {
                return true;
            }
        }
        return false;
    }

    /**
     * A slow stream taken as an InputStream and dropped unread and unclosed: its first events
     * fill the client's small buffer, the rest never gets demand, so the body never ends.
     */
    private static void neverRead(ScenarioContext c) throws Exception {
        HttpResponse<InputStream> response = c.http1().send(
                c.chat(chatStream(SimulatedBehaviour.STREAM_SLOW.modelId(), "never-read")),
                BodyHandlers.ofInputStream());
        c.transcript().head(response);
        c.transcript().note("body left unread and open");
    }
}
