package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openrouteraudit.apps.ClassPathClashApp;
import io.openrouteraudit.apps.JdkClientApp;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ground the agent tests stand on: without any agent, two runs of an application give the
 * same transcript and send the same bytes. If this fails, a difference "with the agent" would
 * prove nothing.
 */
class ApplicationsWithoutAgentIT extends SimulatorPerClass {

    private final AgentComparison comparison = new AgentComparison(simulator);

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdk.class)
    void everyJdkClientScenarioIsReproducible(TestJdk jdk) {
        List<String> args = List.of(simulator.baseUrl(), "all");
        AppRun first = comparison.runWithoutAgent(jdk, AppClassPath.apps(), JdkClientApp.class, args);
        AppRun second = comparison.runWithoutAgent(jdk, AppClassPath.apps(), JdkClientApp.class, args);

        assertEquals(first.process().stdout(), second.process().stdout(), "transcripts of two plain runs");
        assertEquals(ReceivedBytes.describe(first.exchanges()), ReceivedBytes.describe(second.exchanges()),
                "requests of two plain runs");
        String transcript = first.process().stdout();
        assertFalse(transcript.contains("unexpected:"), transcript);
        assertTrue(transcript.contains("exception java.net.http.HttpTimeoutException"), "the timeout scenario timed out");
        assertTrue(transcript.lines().anyMatch(l -> l.equals("== end")), "the app ran to its end");
        // Every scenario but connect-refused reaches the simulator; async-in-flight sends five requests.
        int scenarios = (int) transcript.lines().filter(l -> l.startsWith("== ") && !l.equals("== end")).count();
        assertEquals(scenarios - 1 + 4, first.exchanges().size(), "requests the simulator received");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdk.class)
    void classPathClashAppUsesItsOwnLibraries(TestJdk jdk) {
        AppRun run = comparison.runWithoutAgent(jdk, AppClassPath.clashApp(), ClassPathClashApp.class,
                List.of(simulator.baseUrl()));

        String out = run.process().stdout();
        assertTrue(out.contains("ObjectMapper from jackson-databind-2.9.10.8.jar"), out);
        assertTrue(out.contains("ByteBuddy from byte-buddy-1.10.22.jar"), out);
        assertTrue(out.contains("status 200 model openai/gpt-4o-mini provider OpenAI"), out);
    }
}
