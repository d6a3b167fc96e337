package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

/** The same application run without and then with the agent, against the same simulator. */
record ComparedRuns(AppRun withoutAgent, AppRun withAgent, Path journalDir) {

    /**
     * The agent must be invisible: the same transcript on stdout, and the same requests, byte
     * for byte, at the server.
     */
    void assertApplicationUnchanged() {
        assertEquals(withoutAgent.process().stdout(), withAgent.process().stdout(),
                () -> "the application printed something else with the agent attached\n--- with the agent ---\n"
                        + withAgent.process().describe());
        assertEquals(ReceivedBytes.describe(withoutAgent.exchanges()), ReceivedBytes.describe(withAgent.exchanges()),
                "the simulator received different requests with the agent attached");
    }
}
