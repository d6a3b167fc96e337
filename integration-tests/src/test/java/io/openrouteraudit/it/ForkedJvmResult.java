package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/** How a forked JVM ended: its exit code and everything it printed. */
record ForkedJvmResult(List<String> command, int exitCode, String stdout, String stderr) {

    List<String> stdoutLines() {
        return stdout.lines().toList();
    }

    ForkedJvmResult assertExitCode(int expected) {
        assertEquals(expected, exitCode, () -> "unexpected exit code\n" + describe());
        return this;
    }

    /** The command and the ends of its output, for assertion messages. */
    String describe() {
        return "command: " + String.join(" ", command) + "\nexit code: " + exitCode
                + "\n--- stdout (tail) ---\n" + tail(stdout) + "\n--- stderr (tail) ---\n" + tail(stderr);
    }

    private static String tail(String text) {
        int max = 4000;
        return text.length() <= max ? text : "…" + text.substring(text.length() - max);
    }
}
