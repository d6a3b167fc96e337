package io.openrouteraudit.apps;

import static io.openrouteraudit.apps.ChatRequestBodies.chatStream;

import io.openrouteraudit.sim.SimulatedBehaviour;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Call;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Streamed chat completions read line by line from {@code source()} or {@code byteStream()}:
 * to the end, to {@code data: [DONE]} and then closed, closed right after the first event,
 * and cancelled with {@code Call.cancel()} mid-stream.
 */
final class OkHttpStreamScenarios {

    private OkHttpStreamScenarios() {
    }

    static void register(Map<String, OkHttpScenario> scenarios) {
        scenarios.put("stream-to-end", c -> toEnd(c, Models.DEEPSEEK_CHAT, "okhttp-stream-to-end"));
        scenarios.put("stream-until-done", OkHttpStreamScenarios::untilDone);
        scenarios.put("stream-early-close", OkHttpStreamScenarios::earlyClose);
        scenarios.put("stream-usage-empty-choices", OkHttpStreamScenarios::usageEmptyChoices);
        scenarios.put("stream-no-done", c -> toEnd(c, SimulatedBehaviour.STREAM_NO_DONE.modelId(),
                "okhttp-stream-no-done"));
        scenarios.put("stream-midstream-error", c -> toEnd(c, SimulatedBehaviour.STREAM_MIDSTREAM_ERROR.modelId(),
                "okhttp-stream-midstream-error"));
        scenarios.put("stream-call-cancel", OkHttpStreamScenarios::callCancel);
    }

    /** {@code source().readUtf8Line()} until the end of the body. */
    private static void toEnd(OkHttpContext c, String model, String label) throws Exception {
        List<String> seen = new ArrayList<>();
        try (Response response = c.client().newCall(c.chat(label, chatStream(model, label))).execute()) {
            c.head(response);
            BufferedSource source = response.body().source();
            for (String line; (line = source.readUtf8Line()) != null; ) {
                seen.add(line);
            }
        }
        printStream(c, label, seen);
    }

    /** Stops at {@code data: [DONE]} and closes, as SSE clients do: the rest of the body is never read. */
    private static void untilDone(OkHttpContext c) throws Exception {
        String label = "okhttp-stream-until-done";
        List<String> seen = new ArrayList<>();
        try (Response response = c.client().newCall(c.chat(label, chatStream(Models.GEMINI_FLASH, label))).execute()) {
            c.head(response);
            BufferedSource source = response.body().source();
            for (String line; (line = source.readUtf8Line()) != null; ) {
                seen.add(line);
                if (line.equals("data: [DONE]")) {
                    break;
                }
            }
        }
        printStream(c, label, seen);
    }

    /** The application takes the first event and closes the response: the stream is abandoned. */
    private static void earlyClose(OkHttpContext c) throws Exception {
        String label = "okhttp-stream-early-close";
        List<String> seen = new ArrayList<>();
        try (Response response = c.client().newCall(c.chat(label, chatStream(Models.CLAUDE_HAIKU, label))).execute()) {
            c.head(response);
            BufferedSource source = response.body().source();
            for (String line; (line = source.readUtf8Line()) != null; ) {
                seen.add(line);
                if (line.startsWith("data: ")) {
                    break;
                }
            }
        }
        c.transcript().note("closed after the first data line");
        printStream(c, label, seen);
    }

    /** The documented usage shape, read through {@code byteStream()} and a BufferedReader to the end. */
    private static void usageEmptyChoices(OkHttpContext c) throws Exception {
        String label = "okhttp-stream-usage-empty-choices";
        List<String> seen = new ArrayList<>();
        try (Response response = c.client().newCall(c.chat(label,
                chatStream(SimulatedBehaviour.STREAM_USAGE_EMPTY_CHOICES.modelId(), label))).execute()) {
            c.head(response);
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(response.body().byteStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    seen.add(line);
                }
            }
        }
        printStream(c, label, seen);
    }

    /**
     * The application cancels the call after the first event (a user pressed stop) and goes
     * on reading: OkHttp fails the read. The stream is a slow one, so nothing after the first
     * event can have arrived before the cancel, however late this thread runs.
     */
    private static void callCancel(OkHttpContext c) throws Exception {
        String label = "okhttp-stream-call-cancel";
        Call call = c.client().newCall(c.chat(label, chatStream(SimulatedBehaviour.STREAM_SLOW.modelId(), label)));
        try (Response response = call.execute()) {
            c.head(response);
            BufferedSource source = response.body().source();
            String first = null;
            for (String line; (line = source.readUtf8Line()) != null; ) {
                if (line.startsWith("data: ")) {
                    first = line;
                    break;
                }
            }
            c.transcript().note("first event: " + first);
            call.cancel();
            c.transcript().note("cancelled: " + call.isCanceled());
            try {
                while (source.readUtf8Line() != null) {
                    // drain what OkHttp still hands out
                }
                c.transcript().note("after cancel: the body ended normally");
            } catch (IOException e) {
                c.transcript().note("after cancel: reading failed with an IOException");
            }
        }
        c.interceptorNotes(label);
    }

    private static void printStream(OkHttpContext c, String label, List<String> lines) {
        c.transcript().lines(lines);
        c.transcript().note("assistant: " + SseText.assistantText(lines));
        c.interceptorNotes(label);
    }
}
