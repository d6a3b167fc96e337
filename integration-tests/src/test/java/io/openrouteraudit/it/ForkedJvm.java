package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code java [-javaagent:JAR] [-Dkey=value…] (-cp CP MAIN | -jar JAR) args…} run on a
 * chosen JDK, bounded by a timeout after which the process (and its children) is killed and
 * the test fails. Output goes to files, so a chatty process can never block on a full pipe.
 */
final class ForkedJvm {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);

    /** Variables that would change a forked JVM behind the test's back (another agent, other keys). */
    private static final List<String> SCRUBBED_VARIABLE_PREFIXES =
            List.of("OPENROUTER_AUDIT_", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    private final TestJdk jdk;
    private final List<String> launch;
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> arguments = new ArrayList<>();
    private final Map<String, String> environment = new java.util.LinkedHashMap<>();
    private Duration timeout = DEFAULT_TIMEOUT;

    private ForkedJvm(TestJdk jdk, List<String> launch) {
        this.jdk = jdk;
        this.launch = launch;
    }

    static ForkedJvm mainClass(TestJdk jdk, String classPath, String mainClass) {
        return new ForkedJvm(jdk, List.of("-cp", classPath, mainClass));
    }

    static ForkedJvm executableJar(TestJdk jdk, Path jar) {
        return new ForkedJvm(jdk, List.of("-jar", jar.toString()));
    }

    ForkedJvm javaAgent(Path agentJar) {
        jvmOptions.add(0, "-javaagent:" + agentJar);
        return this;
    }

    ForkedJvm systemProperty(String name, String value) {
        jvmOptions.add("-D" + name + "=" + value);
        return this;
    }

    /** Any other JVM option, e.g. {@code --add-exports java.base/sun.nio.ch=ALL-UNNAMED}. */
    ForkedJvm jvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    ForkedJvm systemProperties(Map<String, String> properties) {
        properties.forEach(this::systemProperty);
        return this;
    }

    /**
     * Sets an environment variable of the forked JVM, or removes it when {@code value} is null;
     * applied after the scrubbing of the variables that would change the JVM behind the test's back.
     */
    ForkedJvm environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    ForkedJvm args(String... args) {
        arguments.addAll(List.of(args));
        return this;
    }

    ForkedJvm args(List<String> args) {
        arguments.addAll(args);
        return this;
    }

    ForkedJvm timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    ForkedJvmResult run() {
        List<String> command = command();
        Path stdout = null;
        Path stderr = null;
        try {
            stdout = Files.createTempFile("forked-jvm", ".stdout");
            stderr = Files.createTempFile("forked-jvm", ".stderr");
            Process process = processBuilder(command)
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                ForkedJvmResult partial = new ForkedJvmResult(command, -1, read(stdout), read(stderr));
                fail("forked JVM still running after " + timeout.toSeconds() + " s; killed\n" + partial.describe());
            }
            return new ForkedJvmResult(command, process.exitValue(), read(stdout), read(stderr));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    /**
     * Starts the JVM and returns at once, its stdout read line by line as it comes (see
     * {@link StartedJvm}); the timeout bounds every wait on it, and the test must stop it.
     */
    StartedJvm start() {
        List<String> command = command();
        try {
            return StartedJvm.start(processBuilder(command), command, timeout);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command, e);
        }
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(jdk.javaExecutable().toString());
        command.addAll(jvmOptions);
        command.addAll(launch);
        command.addAll(arguments);
        return command;
    }

    private ProcessBuilder processBuilder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        builder.environment().keySet().removeIf(name ->
                SCRUBBED_VARIABLE_PREFIXES.stream().anyMatch(name::startsWith));
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        return builder;
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }
}
