package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** The agent jar under test: system property {@code agent.jar}, set by the failsafe configuration. */
final class AgentJar {

    private AgentJar() {
    }

    /** The jar, or a test failure saying how to build it. */
    static Path require() {
        String property = System.getProperty("agent.jar");
        if (property == null || property.isBlank()) {
            fail("system property agent.jar is not set: run these tests with mvn verify "
                    + "(failsafe sets it to agent/target/openrouter-audit-agent.jar)");
        }
        Path jar = Path.of(property).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            fail("the agent jar is missing at " + jar + " — build it first: mvn -B -pl agent -am package -DskipTests");
        }
        return jar;
    }
}
