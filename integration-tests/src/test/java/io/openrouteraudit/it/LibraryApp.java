package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An application compiled apart against one client library version, with the class path of
 * its forked JVM: its own classes, target/classes (simulator, shared app helpers, no
 * third-party code) and exactly that version's jars. The directories come from system
 * properties that the failsafe configuration sets; the versions too, so the pom is the one
 * place that names them.
 */
enum LibraryApp {
    /** OkHttpClientApp (compiled against the OkHttp 3.14 API) on OkHttp 3.14.9 and Okio 1.17. */
    OKHTTP_3("okhttp3"),
    /** The same classes on OkHttp 4.12.0, Okio 3.6 and Kotlin 1.8. */
    OKHTTP_4("okhttp4"),
    /** The same classes on OkHttp 5.x (the okhttp-jvm artifact), Okio 3.x and Kotlin 2.x. */
    OKHTTP_5("okhttp5"),
    /** OpenAiSdkApp compiled against, and run on, the newest openai-java. */
    OPENAI_NEWEST("openai.newest"),
    /** OpenAiSdkApp compiled against, and run on, the oldest openai-java whose API it fits. */
    OPENAI_OLDEST("openai.oldest");

    static final String OKHTTP_MAIN = "io.openrouteraudit.apps.OkHttpClientApp";
    static final String OPENAI_MAIN = "io.openrouteraudit.apps.OpenAiSdkApp";

    private final String key;

    LibraryApp(String key) {
        this.key = key;
    }

    boolean isOkHttp() {
        return key.startsWith("okhttp");
    }

    String mainClass() {
        return isOkHttp() ? OKHTTP_MAIN : OPENAI_MAIN;
    }

    /** The library version, e.g. "4.12.0". */
    String version() {
        return property(key + ".version");
    }

    @Override
    public String toString() {
        return (isOkHttp() ? "okhttp " : "openai-java ") + System.getProperty(key + ".version", name());
    }

    String classPath() {
        List<String> entries = new ArrayList<>();
        entries.add(existingDirectory(isOkHttp() ? "okhttp.app.classes" : key + ".app.classes"));
        entries.add(AppClassPath.apps());
        entries.addAll(jars(key + ".libs.dir"));
        if (isOkHttp()) {
            // The application's own OpenTelemetry API, which the agent must leave alone.
            entries.addAll(jars("app.otel.libs.dir"));
        }
        return String.join(File.pathSeparator, entries);
    }

    private static List<String> jars(String property) {
        Path dir = Path.of(existingDirectory(property));
        try (Stream<Path> files = Files.list(dir)) {
            List<String> jars = files.filter(p -> p.toString().endsWith(".jar")).sorted()
                    .map(Path::toString).collect(Collectors.toList());
            if (jars.isEmpty()) {
                fail("no jars in " + dir + ": the maven-dependency-plugin copy executions did not run");
            }
            return jars;
        } catch (IOException e) {
            return fail("cannot list " + dir + ": " + e);
        }
    }

    private static String existingDirectory(String property) {
        String dir = property(property);
        if (!Files.isDirectory(Path.of(dir))) {
            fail(property + " = " + dir + " is not a directory: run these tests with mvn verify, which builds it");
        }
        return dir;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            fail("system property " + name + " is not set: run these tests with mvn verify (failsafe sets it)");
        }
        return value;
    }
}
