package io.openrouteraudit.apps;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Sends {@link PolicyRequests} by name through the JDK HttpClient, one after another, and prints
 * one line per call. {@code PolicyApp <baseUrl> <request>...}. A refused call is part of the
 * output, not of the exit code.
 */
public final class PolicyApp {

    private PolicyApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 2) {
            System.err.println("usage: PolicyApp <baseUrl> <request>...");
            System.exit(2);
        }
        HttpClient client = HttpClient.newHttpClient();
        URI uri = URI.create(args[0]).resolve("/api/v1/chat/completions");
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            HttpRequest request = ScenarioContext.post(uri, HttpRequest.BodyPublishers.ofString(PolicyRequests.json(name)))
                    .build();
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                System.out.println(PolicyCallLine.answered(name, response.statusCode(), response.body()));
            } catch (IOException e) {
                System.out.println(PolicyCallLine.failed(name, e));
            }
        }
    }
}
