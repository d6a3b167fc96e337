package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.openrouteraudit.apps.JdkClientApp;
import io.openrouteraudit.apps.PlantedSecrets;
import io.openrouteraudit.sim.RecordedExchange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §1.2 and §7 end to end: each client stack sends a prompt full of planted secrets (one or
 * more per built-in rule), gets them back as a JSON answer and as a stream, and not one of them,
 * in UTF-8 or UTF-16, is in any byte the agent let out: the journal's files, {@code export}
 * (JSON lines and CSV), {@code verify}, and every stderr line. {@code content=redacted} is the
 * mode that keeps the most text, so it is the one that must hold.
 */
class PlantedSecretsPrivacyIT extends SimulatorPerClass {

    @Test
    void jdkHttpClientAppLeaksNoPlantedSecret(@TempDir Path temp) {
        assertNothingLeaks(temp, ForkedJvm.mainClass(TestJdk.JDK_17, AppClassPath.apps(), JdkClientApp.class.getName()),
                "sync-send", "stream-ofLines");
    }

    @Test
    void okHttpAppLeaksNoPlantedSecret(@TempDir Path temp) {
        LibraryApp app = LibraryApp.OKHTTP_4;
        assertNothingLeaks(temp, ForkedJvm.mainClass(TestJdk.JDK_17, app.classPath(), app.mainClass()),
                "sync-execute", "stream-to-end");
    }

    @Test
    void openAiSdkAppLeaksNoPlantedSecret(@TempDir Path temp) {
        LibraryApp app = LibraryApp.OPENAI_NEWEST;
        assertNothingLeaks(temp, ForkedJvm.mainClass(TestJdk.JDK_17, app.classPath(), app.mainClass()),
                "chat-create", "chat-create-streaming");
    }

    @Test
    void contentFullSaysSoOnceOnStderrAtStartUp(@TempDir Path temp) {
        Map<String, String> properties = new java.util.LinkedHashMap<>(
                AuditConfiguration.systemProperties(temp.resolve("journal")));
        properties.put("openrouter.audit.content", "full");
        ForkedJvmResult run = ForkedJvm.mainClass(TestJdk.JDK_17, AppClassPath.apps(), JdkClientApp.class.getName())
                .javaAgent(AgentJar.require()).systemProperties(properties)
                .args(simulator.baseUrl(), "sync-send", "stream-ofLines").run().assertExitCode(0);
        long saying = run.stderr().lines().filter(l -> l.contains("content=full")).count();
        assertEquals(1, saying, run.describe());
    }

    private void assertNothingLeaks(Path temp, ForkedJvm app, String... scenarios) {
        Path journal = temp.resolve("journal");
        Map<String, String> properties = new java.util.LinkedHashMap<>(AuditConfiguration.systemProperties(journal));
        properties.put("openrouter.audit.content", "redacted");
        properties.put(PlantedSecrets.SWITCH, "true");
        int mark = simulator.exchangeCount();
        List<String> args = new ArrayList<>(List.of(simulator.baseUrl()));
        args.addAll(List.of(scenarios));
        ForkedJvmResult run = app.javaAgent(AgentJar.require()).systemProperties(properties)
                .timeout(LibraryAppRuns.FORK_TIMEOUT).args(args).run().assertExitCode(0);
        List<RecordedExchange> exchanges = simulator.exchangesSince(mark);

        // The secrets really travelled: all of them in every request.
        assertTrue(exchanges.size() >= scenarios.length, run.describe());
        for (RecordedExchange exchange : exchanges) {
            List<String> sent = new BytesThatLeft().add("request", exchange.request().body())
                    .findings(PlantedSecrets.SECRETS);
            assertEquals(PlantedSecrets.SECRETS.size(), sent.size(), () -> "every secret in the request: " + sent);
        }

        ForkedJvmResult export = AgentCli.export(journal).assertExitCode(0);
        ForkedJvmResult csv = AgentCli.run("export", "--dir", journal.toString(), "--format", "csv")
                .assertExitCode(0);
        ForkedJvmResult verify = AgentCli.verify(journal).assertExitCode(0);
        BytesThatLeft left = new BytesThatLeft()
                .addFilesUnder(journal)
                .addText("export (jsonl)", export.stdout())
                .addText("export (csv)", csv.stdout())
                .addText("stderr of the commands", export.stderr() + csv.stderr() + verify.stderr() + verify.stdout())
                .addText("the application's stderr (the agent's log lines)", run.stderr());
        // OTLP: when the suite's OTLP receiver records bodies, add each one here with left.add(...).
        left.assertNoneOf(PlantedSecrets.SECRETS);

        // ... and not because nothing was recorded: the redacted texts are there, with a label per rule.
        List<JsonNode> records = AgentCli.exportRecords(export);
        assertEquals(exchanges.size(), records.size(), export.stdout());
        for (JsonNode record : records) {
            String prompt = JsonFields.text(record, "prompt");
            String completion = JsonFields.text(record, "completion");
            for (String label : List.of("[EMAIL]", "[PHONE]", "[SSN]", "[CARD]", "[IBAN]", "[IP]", "[API_KEY]",
                    "[JWT]")) {
                assertTrue(prompt != null && prompt.contains(label), () -> label + " in the prompt: " + record);
                assertTrue(completion != null && completion.contains(label),
                        () -> label + " in the completion: " + record);
            }
            JsonNode pii = record.get("pii");
            for (String rule : List.of("EMAIL", "PHONE", "SSN", "CARD", "IBAN", "IP", "API_KEY", "JWT")) {
                assertTrue(pii.path(rule).asInt() >= 1, () -> rule + " counted in pii: " + record);
            }
        }
    }
}
