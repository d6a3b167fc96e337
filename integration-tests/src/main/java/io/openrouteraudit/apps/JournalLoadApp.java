package io.openrouteraudit.apps;

import io.openrouteraudit.json.JsonWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many small chat calls through {@code java.net.http.HttpClient}, in steps a test can pace: the
 * journal's load, crash and fault tests. Each call's prompt is unique, so each gets its own
 * generation id from the simulator, and the application prints that id once it has read the
 * whole response: a line on stdout means "this call completed".
 *
 * <p>Usage: {@code JournalLoadApp <baseUrl> <step>...}, where a step is
 * <ul>
 *   <li>{@code calls:<label>:<threads>:<callsPerThread>} - the threads call at once, each its
 *       calls one after the other, and the step ends when all have;</li>
 *   <li>{@code await:<file>} - prints {@code awaiting <file>}, then waits (at most two minutes)
 *       until the file exists: the test inflicts or lifts a fault meanwhile.</li>
 * </ul>
 * Per call it prints {@code <label> <thread> <call> HTTP <status> <generation id>}, or the
 * exception's class and message in place of the status; {@code end} after the last step.
 */
public final class JournalLoadApp {

    private static final Pattern GENERATION_ID = Pattern.compile("\"id\"\\s*:\\s*\"(gen-[^\"]+)\"");
    private static final long AWAIT_LIMIT_MILLIS = 120_000;

    private JournalLoadApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 2) {
            System.err.println("usage: JournalLoadApp <baseUrl> (calls:<label>:<threads>:<calls>|await:<file>)...");
            System.exit(2);
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        URI endpoint = URI.create(args[0] + "/api/v1/chat/completions");
        for (int i = 1; i < args.length; i++) {
            String[] step = args[i].split(":", 2);
            if (step[0].equals("calls")) {
                String[] calls = step.length == 2 ? step[1].split(":") : new String[0];
                if (calls.length != 3) {
                    usage(args[i]);
                }
                runCalls(client, endpoint, calls[0], Integer.parseInt(calls[1]), Integer.parseInt(calls[2]));
            } else if (step[0].equals("await") && step.length == 2) {
                awaitFile(Path.of(step[1]));
            } else {
                usage(args[i]);
            }
        }
        System.out.println("end");
    }

    private static void usage(String step) {
        System.err.println("not a step (calls:<label>:<threads>:<calls> or await:<file>): " + step);
        System.exit(2);
    }

    private static void runCalls(HttpClient client, URI endpoint, String label, int threads, int calls)
            throws InterruptedException {
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread caller = new Thread(() -> {
                for (int c = 0; c < calls; c++) {
                    System.out.println(label + " " + thread + " " + c + " " + call(client, endpoint, label, thread, c));
                }
            }, "caller-" + label + "-" + t);
            caller.start();
            started.add(caller);
        }
        for (Thread caller : started) {
            caller.join();
        }
    }

    private static String call(HttpClient client, URI endpoint, String label, int thread, int call) {
        String prompt = "Load test " + label + ", thread " + thread + ", call " + call + ": answer in one line.";
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + ClientIdentity.API_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + Models.GPT_4O_MINI
                        + "\",\"max_tokens\":60,\"messages\":[{\"role\":\"user\",\"content\":"
                        + JsonWriter.write(prompt) + "}]}"))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher id = GENERATION_ID.matcher(response.body());
            return "HTTP " + response.statusCode() + " " + (id.find() ? id.group(1) : "no-id");
        } catch (IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static void awaitFile(Path file) throws InterruptedException {
        System.out.println("awaiting " + file.getFileName());
        long deadline = System.currentTimeMillis() + AWAIT_LIMIT_MILLIS;
        while (!Files.exists(file)) {
            if (System.currentTimeMillis() > deadline) {
                System.out.println("gave up awaiting " + file.getFileName());
                System.exit(3);
            }
            Thread.sleep(10);
        }
    }
}
