package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The class paths of the forked applications, from the properties the Maven build sets. */
final class AppClassPath {

    private AppClassPath() {
    }

    /** target/classes: the apps and the simulator, and no third-party library at all. */
    static String apps() {
        String classPath = System.getProperty("apps.classpath");
        if (classPath == null || classPath.isBlank()) {
            fail("system property apps.classpath is not set: run these tests with mvn verify");
        }
        return classPath;
    }

    /** The apps plus ClassPathClashApp's own old Jackson, Byte Buddy and SLF4J (target/clash-libs). */
    static String clashApp() {
        return apps() + File.pathSeparator + jarsIn(System.getProperty("clash.libs.dir", "target/clash-libs"));
    }

    /**
     * ClassPathClashOkHttpApp (compiled apart), the apps, and its own old libraries with OkHttp
     * and the OpenTelemetry API and SDK 1.0 (target/clash-okhttp-libs).
     */
    static String clashOkHttpApp() {
        String classes = System.getProperty("clash.okhttp.app.classes", "target/clash-okhttp-app-classes");
        if (!Files.isDirectory(Path.of(classes))) {
            fail(classes + " is not a directory: the antrun compile-library-apps execution did not run");
        }
        return classes + File.pathSeparator + apps() + File.pathSeparator
                + jarsIn(System.getProperty("clash.okhttp.libs.dir", "target/clash-okhttp-libs"));
    }

    private static String jarsIn(String directory) {
        Path dir = Path.of(directory);
        try (Stream<Path> jars = Files.list(dir)) {
            String libs = jars.filter(p -> p.toString().endsWith(".jar")).sorted()
                    .map(Path::toString).collect(Collectors.joining(File.pathSeparator));
            if (libs.isEmpty()) {
                fail("no jars in " + dir + ": the maven-dependency-plugin copy executions did not run");
            }
            return libs;
        } catch (IOException e) {
            return fail("cannot list " + dir + ": " + e);
        }
    }
}
