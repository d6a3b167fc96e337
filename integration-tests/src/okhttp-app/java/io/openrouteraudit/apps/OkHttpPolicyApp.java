package io.openrouteraudit.apps;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sends {@link PolicyRequests} by name through OkHttp (3.14 API, so it runs on 3.x to 5.x), one
 * after another, and prints one line per call. {@code OkHttpPolicyApp <baseUrl> <request>...}.
 */
public final class OkHttpPolicyApp {

    private static final MediaType JSON = MediaType.parse("application/json; charset=utf-8");

    private OkHttpPolicyApp() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: OkHttpPolicyApp <baseUrl> <request>...");
            System.exit(2);
        }
        OkHttpClient client = new OkHttpClient();
        HttpUrl url = HttpUrl.get(args[0]).newBuilder().encodedPath("/api/v1/chat/completions").build();
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            Request request = new Request.Builder()
                    .url(url)
                    .header("Authorization", "Bearer " + ClientIdentity.API_KEY)
                    .header("HTTP-Referer", ClientIdentity.HTTP_REFERER)
                    .header("X-Title", ClientIdentity.X_TITLE)
                    .post(RequestBody.create(JSON, PolicyRequests.json(name)))
                    .build();
            try (Response response = client.newCall(request).execute()) {
                System.out.println(PolicyCallLine.answered(name, response.code(), response.body().string()));
            } catch (IOException e) {
                System.out.println(PolicyCallLine.failed(name, e));
            }
        }
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
