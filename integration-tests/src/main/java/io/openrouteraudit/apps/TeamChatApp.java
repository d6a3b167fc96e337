package io.openrouteraudit.apps;

import io.openrouteraudit.json.JsonWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * A team sharing one OpenRouter integration: each call names its model, the user it is made for
 * (sent in the {@value #USER_HEADER} header, as a gateway would) and which of the team's keys it
 * uses, so one run gives a journal with several models, users and keys to group by.
 *
 * <p>Usage: {@code TeamChatApp <baseUrl> <model>|<user>|<keyName>...}. The request body is written
 * by hand with a CR LF and indentation between its messages, as a pretty-printing client would send
 * it. Prints one line per call; a failing call is a line, not an exit code.
 */
public final class TeamChatApp {

    /** The header that carries the user id; the agent is told about it with {@code user.header}. */
    public static final String USER_HEADER = "X-Team-User";
    public static final String SEPARATOR = "|";

    private TeamChatApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 2) {
            System.err.println("usage: TeamChatApp <baseUrl> <model>|<user>|<keyName>...");
            System.exit(2);
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        URI endpoint = URI.create(args[0] + "/api/v1/chat/completions");
        for (int i = 1; i < args.length; i++) {
            String[] call = args[i].split("\\|", -1);
            if (call.length != 3) {
                System.err.println("not <model>|<user>|<keyName>: " + args[i]);
                System.exit(2);
            }
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + apiKey(call[2]))
                    .header(USER_HEADER, call[1])
                    .header("X-Title", ClientIdentity.X_TITLE)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(call[0], "call " + i + " for " + call[1])))
                    .build();
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                System.out.println("call " + i + ": HTTP " + response.statusCode());
            } catch (IOException e) {
                System.out.println("call " + i + ": " + e.getClass().getSimpleName());
            }
        }
    }

    /** A key shaped like an OpenRouter key, different for each name and the same on every run. */
    public static String apiKey(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return "sk-or-v1-" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(String model, String question) {
        return "{\"model\":\"" + model + "\",\"max_tokens\":120,\"messages\":[\r\n"
                + "  {\"role\":\"system\",\"content\":\"Answer in one line, say \\\"done\\\", then stop.\"},\r\n"
                + "  {\"role\":\"user\",\"content\":" + JsonWriter.write(question) + "}\r\n]}";
    }
}
