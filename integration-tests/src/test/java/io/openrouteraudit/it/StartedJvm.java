package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A forked JVM that keeps running (e.g. {@code tail --follow}) while the test does other things:
 * a thread reads its stdout line by line as the process writes it, and the test waits, bounded,
 * for the lines it expects. {@link #close()} kills it and its children.
 */
final class StartedJvm implements AutoCloseable {

    private final Process process;
    private final List<String> command;
    private final Duration timeout;
    private final Path stderr;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;
    private volatile IOException readFailure;
    /** What the process wrote on stderr, kept when {@link #close()} deletes the file. */
    private volatile String stderrAtClose;

    private StartedJvm(Process process, List<String> command, Duration timeout, Path stderr) {
        this.process = process;
        this.command = command;
        this.timeout = timeout;
        this.stderr = stderr;
        this.reader = new Thread(this::readStdout, "stdout of " + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static StartedJvm start(ProcessBuilder builder, List<String> command, Duration timeout) throws IOException {
        Path stderr = Files.createTempFile("started-jvm", ".stderr");
        Process process = builder.redirectError(stderr.toFile()).redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        return new StartedJvm(process, command, timeout, stderr);
    }

    private void readStdout() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            synchronized (lines) {
                readFailure = e;
            }
        } finally {
            synchronized (lines) {
                lines.notifyAll();
            }
        }
    }

    /**
     * Every stdout line so far, once there are at least {@code count}; fails the test when they do
     * not come within the timeout or the process ends first.
     */
    List<String> awaitLines(int count) throws InterruptedException {
        return awaitUntil(seen -> seen.size() >= count, count + " stdout lines");
    }

    /** Every stdout line so far, once one of them is {@code expected}; fails the test as above. */
    List<String> awaitLine(String expected) throws InterruptedException {
        return awaitUntil(seen -> seen.contains(expected), "the stdout line \"" + expected + "\"");
    }

    private List<String> awaitUntil(Predicate<List<String>> done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (!done.test(lines)) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !reader.isAlive()) {
                    return fail("expected " + what + " within " + timeout.toSeconds() + " s, got "
                            + lines.size() + " lines" + (reader.isAlive() ? "" : " and stdout ended") + "\n" + describe());
                }
                TimeUnit.NANOSECONDS.timedWait(lines, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
            }
            return List.copyOf(lines);
        }
    }

    long pid() {
        return process.pid();
    }

    /**
     * Waits (within the timeout, else fails) for the process to end by itself, and returns how:
     * stdout is its lines, each ended by a line feed.
     */
    ForkedJvmResult awaitExit() throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            fail("the process did not end within " + timeout.toSeconds() + " s\n" + describe());
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        StringBuilder stdout = new StringBuilder();
        for (String line : lines()) {
            stdout.append(line).append('\n');
        }
        return new ForkedJvmResult(command, process.exitValue(), stdout.toString(), stderr());
    }

    /** The stdout lines read so far. */
    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String stderr() {
        String kept = stderrAtClose;
        if (kept != null) {
            return kept;
        }
        try {
            return Files.readString(stderr, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String describe() {
        List<String> seen = lines();
        return "command: " + String.join(" ", command) + "\nalive: " + process.isAlive()
                + (readFailure == null ? "" : "\nstdout read failed: " + readFailure)
                + "\n--- stdout (" + seen.size() + " lines, last 20) ---\n"
                + String.join("\n", seen.subList(Math.max(0, seen.size() - 20), seen.size()))
                + "\n--- stderr ---\n" + stderr();
    }

    /** Kills the process and its children, and waits (bounded) for them to end. */
    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            fail("the process did not end within 10 s of being killed\n" + describe());
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        stderrAtClose = stderr();
        ForkedJvm.deleteQuietly(stderr);
    }
}
