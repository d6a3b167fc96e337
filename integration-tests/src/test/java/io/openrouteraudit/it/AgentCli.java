package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The agent's command line ({@code java -jar openrouter-audit-agent.jar COMMAND …}) in a forked JVM. */
final class AgentCli {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private AgentCli() {
    }

    static ForkedJvmResult run(String... args) {
        return ForkedJvm.executableJar(TestJdk.JDK_17, AgentJar.require()).args(args).timeout(TIMEOUT).run();
    }

    /** Starts a long-running command (e.g. {@code tail --follow}); the test reads its stdout and stops it. */
    static StartedJvm start(String... args) {
        return ForkedJvm.executableJar(TestJdk.JDK_17, AgentJar.require()).args(args).timeout(TIMEOUT).start();
    }

    static ForkedJvmResult export(Path journalDir) {
        return run("export", "--dir", journalDir.toString());
    }

    static ForkedJvmResult verify(Path journalDir) {
        return run("verify", "--dir", journalDir.toString());
    }

    /** {@code export --dir D}, which must exit 0, parsed line by line as JSON objects. */
    static List<JsonNode> exportRecords(ForkedJvmResult export) {
        export.assertExitCode(0);
        List<JsonNode> records = new ArrayList<>();
        for (String line : export.stdoutLines()) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode record = JSON.readTree(line);
                assertEquals(true, record.isObject(), () -> "export line is not a JSON object: " + line);
                records.add(record);
            } catch (IOException e) {
                fail("export printed a line that is not JSON: " + line + "\n" + export.describe());
            }
        }
        return records;
    }
}
