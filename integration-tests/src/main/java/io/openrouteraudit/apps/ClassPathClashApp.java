package io.openrouteraudit.apps;

import static net.bytebuddy.matcher.ElementMatchers.named;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.implementation.FixedValue;

/**
 * An application with its own, old Jackson (2.9) and Byte Buddy (1.10) — and SLF4J 1.7 when it
 * is on the class path — that prints where each of their classes came from, uses them, and makes
 * one OpenRouter call through the JDK HttpClient. Its output must not change when the agent,
 * which has newer versions of all three inside, is attached.
 *
 * <p>Usage: {@code ClassPathClashApp <baseUrl>}.
 */
public final class ClassPathClashApp {

    private ClassPathClashApp() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ClassPathClashApp <baseUrl>");
            System.exit(2);
        }
        System.out.println(ClassOrigin.describe(JsonFactory.class) + " reports " + new JsonFactory().version());
        ObjectMapper mapper = new ObjectMapper();
        System.out.println(ClassOrigin.describe(ObjectMapper.class) + " reports " + mapper.version());
        System.out.println(ClassOrigin.describe(ByteBuddy.class));
        if (isPresent("org.slf4j.Logger")) {
            System.out.println(Slf4jProbe.describe());
        } else {
            System.out.println("org.slf4j.Logger not on the class path");
        }
        System.out.println("byte buddy made: " + generatedGreeting());

        ObjectNode body = mapper.createObjectNode();
        body.put("model", Models.GPT_4O_MINI);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "user").put("content", ChatRequestBodies.userText("class-path-clash"));
        body.put("max_tokens", ChatRequestBodies.DEFAULT_MAX_TOKENS);

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = ScenarioContext.post(URI.create(args[0] + ScenarioContext.CHAT_COMPLETIONS),
                        HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body)))
                .timeout(Duration.ofSeconds(30))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode answer = mapper.readTree(response.body());
        System.out.println("status " + response.statusCode() + " model " + answer.path("model").asText()
                + " provider " + answer.path("provider").asText()
                + " tokens " + answer.path("usage").path("total_tokens").asInt());
        System.out.println("answer: " + answer.path("choices").path(0).path("message").path("content").asText());
    }

    private static String generatedGreeting() throws ReflectiveOperationException {
        Class<?> generated = new ByteBuddy()
                .subclass(Object.class)
                .name("io.openrouteraudit.apps.GeneratedGreeting")
                .method(named("toString"))
                .intercept(FixedValue.value("a class generated at run time"))
                .make()
                .load(ClassPathClashApp.class.getClassLoader())
                .getLoaded();
        return generated.getDeclaredConstructor().newInstance().toString();
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, ClassPathClashApp.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Touches SLF4J only when it is present, so the app also runs without it. */
    private static final class Slf4jProbe {
        static String describe() {
            org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(ClassPathClashApp.class);
            return ClassOrigin.describe(org.slf4j.Logger.class) + " logger " + logger.getClass().getName();
        }
    }
}
