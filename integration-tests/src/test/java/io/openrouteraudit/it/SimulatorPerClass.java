package io.openrouteraudit.it;

import io.openrouteraudit.sim.OpenRouterSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One simulator shared by every test of a class, for tests that tell their exchanges apart by
 * their own journal directory; see {@link SimulatorPerTest} for tests that must not share one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SimulatorPerClass {

    final OpenRouterSimulator simulator = OpenRouterSimulator.start();

    @AfterAll
    void stopSimulator() {
        simulator.close();
    }
}
