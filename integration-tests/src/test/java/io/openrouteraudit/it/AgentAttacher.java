package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.fail;

import com.sun.tools.attach.VirtualMachine;
import java.nio.file.Path;

/**
 * Loads the agent into a running JVM through the Attach API, as an operator's tool would
 * ({@code VirtualMachine.attach(pid).loadAgent(jar)}): the JVM calls the manifest's
 * {@code Agent-Class} agentmain, and loadAgent returns once agentmain has returned. The target
 * runs as the same user as this test JVM (root included), which the Attach API requires.
 */
final class AgentAttacher {

    private AgentAttacher() {
    }

    static void attach(long pid, Path agentJar) {
        VirtualMachine vm = null;
        try {
            vm = VirtualMachine.attach(Long.toString(pid));
            vm.loadAgent(agentJar.toString());
        } catch (Exception e) {
            fail("cannot attach " + agentJar + " to process " + pid + ": " + e, e);
        } finally {
            if (vm != null) {
                try {
                    vm.detach();
                } catch (java.io.IOException ignored) {
                    // the agent is in; a failed detach leaves only the attach connection behind
                }
            }
        }
    }
}
