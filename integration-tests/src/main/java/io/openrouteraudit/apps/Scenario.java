package io.openrouteraudit.apps;

/** One thing {@link JdkClientApp} does with the JDK HttpClient, writing what it saw to the transcript. */
@FunctionalInterface
interface Scenario {
    void run(ScenarioContext context) throws Exception;
}
