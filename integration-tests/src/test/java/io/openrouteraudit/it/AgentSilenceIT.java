package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openrouteraudit.apps.JdkClientApp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Silence (SPEC §3 {@code log.level}, §7, STYLE.md): whatever the server and the configuration
 * do, the agent never writes to the application's stdout, writes to stderr only as
 * {@code log.level} allows, and never a stack trace below {@code debug}. One application run
 * without the agent, then one with it at each of {@code warn}, {@code info} and {@code off},
 * each given a bad value and a misspelt key, and each making ordinary, unreadable, hostile,
 * timed-out, refused and abandoned calls.
 */
class AgentSilenceIT extends SimulatorPerClass {

    private static final List<String> SCENARIOS = List.of("sync-send", "stream-ofLines", "malformed", "html",
            "empty", "gzip", "stream-cut", "reset", "drip", "timeout", "connect-refused", "never-read");
    private static final String BAD_VALUE_KEY = "openrouter.audit.capture.max-bytes";
    private static final String BAD_VALUE = "lots";
    private static final String MISSPELT_KEY = "openrouter.audit.jounral.roll";
    private static final List<String> STACK_TRACE_MARKS = List.of("\tat ", "Exception in thread", "Caused by");

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdk.class)
    void theAgentWritesNothingToStdoutAndNoStackTraceToStderr(TestJdk jdk, @TempDir Path temp) {
        ForkedJvmResult plain = run(jdk, temp.resolve("plain"), null);
        assertTrue(plain.stdoutLines().contains("== end"), plain::describe);
        assertEquals("", plain.stderr(), () -> "test design: the application itself is silent on stderr\n"
                + plain.describe());

        ForkedJvmResult warn = run(jdk, temp.resolve("warn"), "warn");
        ForkedJvmResult info = run(jdk, temp.resolve("info"), "info");
        ForkedJvmResult off = run(jdk, temp.resolve("off"), "off");
        assertAll(
                () -> assertEquals(plain.stdout(), warn.stdout(), "stdout at log.level=warn"),
                () -> assertEquals(plain.stdout(), info.stdout(), "stdout at log.level=info"),
                () -> assertEquals(plain.stdout(), off.stdout(), "stdout at log.level=off"),
                () -> assertNoStackTrace(warn, "warn"),
                () -> assertNoStackTrace(info, "info"),
                () -> assertTrue(warn.stderr().lines().anyMatch(l -> l.contains("capture.max-bytes")
                        && l.contains(BAD_VALUE)), () -> "at warn, one line names the bad value\n" + warn.describe()),
                () -> assertTrue(warn.stderr().lines().anyMatch(l -> l.contains("jounral.roll")),
                        () -> "at warn, one line names the misspelt key\n" + warn.describe()),
                () -> assertEquals(List.of(), notTheJvms(off.stderr()), () -> "stderr at log.level=off\n"
                        + off.describe()));
        System.out.println("[silence] " + jdk + " stderr lines: warn " + warn.stderr().lines().count() + ", info "
                + info.stderr().lines().count() + ", off " + off.stderr().lines().count());
    }

    /** The application with every scenario; with the agent at {@code logLevel} unless that is null. */
    private ForkedJvmResult run(TestJdk jdk, Path dir, String logLevel) {
        List<String> args = new ArrayList<>();
        args.add(simulator.baseUrl());
        args.addAll(SCENARIOS);
        Map<String, String> properties = AuditConfiguration.systemProperties(dir.resolve("journal"));
        ForkedJvm jvm = ForkedJvm.mainClass(jdk, AppClassPath.apps(), JdkClientApp.class.getName())
                .systemProperties(properties)
                .systemProperty(BAD_VALUE_KEY, BAD_VALUE)
                .systemProperty(MISSPELT_KEY, "daily")
                .args(args);
        if (logLevel != null) {
            jvm.javaAgent(AgentJar.require()).systemProperty("openrouter.audit.log.level", logLevel);
        }
        return jvm.run().assertExitCode(0);
    }

    /**
     * The stderr lines that are not the JVM's own: JDK 24 and later warn once, whatever the
     * agent's log.level, when a library first uses sun.misc.Unsafe's memory access (JEP 498);
     * Chronicle Queue, the journal's library, does. Only the JVM's command line
     * ({@code --sun-misc-unsafe-memory-access=allow}) silences it.
     */
    private static List<String> notTheJvms(String stderr) {
        return stderr.lines()
                .filter(line -> !(line.startsWith("WARNING: ") && (line.contains("sun.misc.Unsafe")
                        || line.startsWith("WARNING: Please consider reporting this to the maintainers of class "
                                + "net.openhft."))))
                .toList();
    }

    private static void assertNoStackTrace(ForkedJvmResult run, String level) {
        for (String line : run.stderr().lines().toList()) {
            for (String mark : STACK_TRACE_MARKS) {
                assertTrue(!line.contains(mark), () -> "a stack trace line at log.level=" + level + ": " + line
                        + "\n" + run.describe());
            }
        }
    }
}
