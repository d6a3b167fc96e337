package io.openrouteraudit.it;

import io.openrouteraudit.sim.OpenRouterSimulator;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh simulator and temporary directory for each test, for tests that count what one run
 * did to a journal and must not see another test's exchanges.
 */
abstract class SimulatorPerTest {

    final OpenRouterSimulator simulator = OpenRouterSimulator.start();

    @TempDir
    Path temp;

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }
}
