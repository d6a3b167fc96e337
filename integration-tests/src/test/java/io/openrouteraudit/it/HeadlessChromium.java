package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's {@code chromium}, headless, offline, with a fresh profile per run and a timeout after
 * which it and its children are killed. A machine without it fails the test that needs it,
 * saying what to install: a missing browser must never pass as a skip.
 */
final class HeadlessChromium {

    static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private HeadlessChromium() {
    }

    /** The rendered DOM of {@code page}, as {@code --dump-dom} prints it. */
    static String dumpDom(Path page) {
        return run(List.of("--dump-dom", page.toUri().toString()), "dump-dom of " + page).stdout();
    }

    /** A {@code width}x{@code height} PNG of {@code page} at {@code png}. */
    static void screenshot(Path page, Path png, int width, int height) {
        Run run = run(List.of("--hide-scrollbars", "--screenshot=" + png.toAbsolutePath(),
                "--window-size=" + width + "," + height, page.toUri().toString()), "screenshot of " + page);
        if (!Files.isRegularFile(png)) {
            fail("chromium exited 0 but wrote no screenshot at " + png + "\n" + run.describe());
        }
    }

    /** The browser, or a test failure saying to install Debian's chromium. */
    static Path require() {
        if (!Files.isExecutable(EXECUTABLE)) {
            fail("headless Chromium is required at " + EXECUTABLE + " to render the report: install Debian's "
                    + "chromium package (sudo apt-get install -y chromium; .ci/run does this when it is missing)");
        }
        return EXECUTABLE;
    }

    private static Run run(List<String> action, String what) {
        Path chromium = require();
        Path profile = null;
        Path stdout = null;
        Path stderr = null;
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"));
        try {
            profile = Files.createTempDirectory("report-chromium-profile");
            stdout = Files.createTempFile("chromium", ".stdout");
            stderr = Files.createTempFile("chromium", ".stderr");
            command.add("--user-data-dir=" + profile);
            command.addAll(action);
            Process process = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                fail("chromium (" + what + ") still running after " + TIMEOUT.toSeconds() + " s; killed\n"
                        + new Run(command, -1, read(stdout), read(stderr)).describe());
            }
            // The browser's helper processes must not outlive it.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            Run run = new Run(command, process.exitValue(), read(stdout), read(stderr));
            if (run.exitCode() != 0) {
                fail("chromium (" + what + ") failed\n" + run.describe());
            }
            return run;
        } catch (IOException e) {
            return fail("cannot run " + command + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while running chromium");
        } finally {
            deleteRecursively(profile);
            deleteRecursively(stdout);
            deleteRecursively(stderr);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static void deleteRecursively(Path path) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }

    record Run(List<String> command, int exitCode, String stdout, String stderr) {
        String describe() {
            String err = stderr.length() > 4000 ? "…" + stderr.substring(stderr.length() - 4000) : stderr;
            return "command: " + String.join(" ", command) + "\nexit code: " + exitCode + "\n--- stderr (tail) ---\n"
                    + err;
        }
    }
}
