package io.openrouteraudit.it;

import static io.openrouteraudit.it.ExportedSpans.attributes;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.openrouteraudit.apps.PolicyApp;
import io.openrouteraudit.apps.PolicyRequests;
import io.openrouteraudit.sim.RecordedExchange;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC §3 {@code policy.*}: the same requests - one that keeps every rule, one breaking each in
 * turn - sent through the JDK HttpClient, OkHttp and the OpenAI SDK, with the policy flagging and
 * then blocking; a daily budget crossed mid-run and still spent after a restart; and malformed
 * policy values, which leave the application unrestricted.
 */
class CompliancePolicyIT extends SimulatorPerClass {

    private static final String BLOCKED_BY = "openrouter-audit: request blocked by policy (";
    private static final String ALLOWED_MODELS = "openai/*,anthropic/*,meta-llama/*,sim/*";
    private static final String ALLOWED_PROVIDERS = "OpenAI,Anthropic";

    /** The client stacks, each with the app that sends {@link PolicyRequests} through it. */
    enum Stack {
        JDK("jdk-httpclient"),
        OKHTTP("okhttp"),
        OPENAI_SDK("openai-java");

        final String client;

        Stack(String client) {
            this.client = client;
        }

        String classPath() {
            return switch (this) {
                case JDK -> AppClassPath.apps();
                case OKHTTP -> LibraryApp.OKHTTP_4.classPath();
                case OPENAI_SDK -> LibraryApp.OPENAI_NEWEST.classPath();
            };
        }

        String mainClass() {
            return switch (this) {
                case JDK -> PolicyApp.class.getName();
                case OKHTTP -> "io.openrouteraudit.apps.OkHttpPolicyApp";
                case OPENAI_SDK -> "io.openrouteraudit.apps.OpenAiPolicyApp";
            };
        }

        /** What the application sees of a refused call: an I/O failure of its own library. */
        String refusalSeen(String rules) {
            String io = "java.io.IOException: " + BLOCKED_BY + rules + "); not sent";
            return this == OPENAI_SDK ? "exception com.openai.errors.OpenAIIoException: " : "exception " + io;
        }

        /** Attempts per refused call: the SDK retries an I/O failure once, as configured. */
        int attemptsPerRefusal() {
            return this == OPENAI_SDK ? 2 : 1;
        }
    }

    static Stream<Arguments> stacks() {
        return Stream.of(Arguments.of(Stack.JDK, TestJdk.JDK_17), Arguments.of(Stack.JDK, TestJdk.JDK_25),
                Arguments.of(Stack.OKHTTP, TestJdk.JDK_17), Arguments.of(Stack.OKHTTP, TestJdk.JDK_25),
                Arguments.of(Stack.OPENAI_SDK, TestJdk.JDK_17));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("stacks")
    void flagRecordsEveryBrokenRuleAndTheCallsGoOnUnchanged(Stack stack, TestJdk jdk, @TempDir Path temp) {
        Map<String, String> policy = policy("flag", "max-tokens,no-fallbacks,data-collection-deny,zdr,no-free");
        Path journal = temp.resolve("journal");
        Run without = run(stack, jdk, journal, policy, false, PolicyRequests.NAMES);
        Run with = run(stack, jdk, journal, policy, true, PolicyRequests.NAMES);

        assertEquals(without.process.stdout(), with.process.stdout(), "the application saw the same");
        assertEquals(bodies(without.exchanges), bodies(with.exchanges), "the simulator received the same");
        assertEquals(PolicyRequests.NAMES.size(), with.exchanges.size());

        List<JsonNode> records = ExportedJournal.read(journal).assertWellFormed(stack.client).records();
        assertEquals(List.of(List.of(), List.of("max-tokens"), List.of("provider", "no-free"),
                List.of("model", "provider"), List.of("provider", "no-fallbacks")), violations(records), records::toString);
        for (JsonNode record : records) {
            assertEquals("success", JsonFields.text(record, "status"), record::toString);
        }
        JsonNode fallback = records.get(4);
        assertEquals(List.of(PolicyRequests.FALLBACK_MODEL, PolicyRequests.FALLBACK_SERVED_BY),
                texts(fallback.get("routing").get("models")), "routing.models as sent: " + fallback);
        assertEquals("deny", JsonFields.text(fallback.get("routing"), "data_collection"));
        JsonNode compliant = records.get(0);
        assertEquals(List.of("OpenAI"), texts(compliant.get("routing").get("provider_only")));
        assertEquals(false, compliant.get("routing").get("allow_fallbacks").booleanValue());
        assertEquals(64, compliant.get("routing").get("max_tokens").intValue());
        assertTrue(records.get(1).get("routing").get("max_tokens").isNull(), "no token limit sent");
        assertOneStderrLinePerRule(with.process, List.of("max-tokens", "provider", "no-free", "model", "no-fallbacks"));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("stacks")
    void blockRefusesBrokenRequestsBeforeAByteLeavesAndFlagsAnUnapprovedProvider(Stack stack, TestJdk jdk,
                                                                                 @TempDir Path temp) {
        Map<String, String> policy = policy("block", "max-tokens,no-free");
        Path journal = temp.resolve("journal");
        Run with = run(stack, jdk, journal, policy, true, PolicyRequests.NAMES);

        List<String> lines = with.process.stdoutLines();
        assertEquals(PolicyRequests.NAMES.size(), lines.size(), with.process::describe);
        assertTrue(lines.get(0).startsWith("compliant: HTTP 200 model openai/gpt-4o-mini"), lines.get(0));
        assertTrue(lines.get(1).startsWith("no-token-limit: " + stack.refusalSeen("max-tokens")), lines.get(1));
        assertTrue(lines.get(2).startsWith("free-model: " + stack.refusalSeen("no-free")), lines.get(2));
        assertTrue(lines.get(3).startsWith("unapproved-model: " + stack.refusalSeen("model")), lines.get(3));
        assertTrue(lines.get(4).startsWith("fallback: HTTP 200 model " + PolicyRequests.FALLBACK_SERVED_BY), lines.get(4));
        if (stack == Stack.OPENAI_SDK) {
            for (String refused : lines.subList(1, 4)) {
                assertTrue(refused.endsWith("(caused by java.io.IOException)"), "the SDK's I/O error wraps ours: " + refused);
            }
        }
        assertEquals(List.of(label("compliant"), label("fallback")),
                with.exchanges.stream().map(CompliancePolicyIT::labelOf).toList(),
                "not a byte of a refused request reached the server");

        List<JsonNode> records = ExportedJournal.read(journal).assertWellFormed(stack.client).records();
        List<List<String>> expected = new ArrayList<>();
        expected.add(List.of());
        for (String rule : List.of("max-tokens", "no-free", "model")) {
            for (int attempt = 0; attempt < stack.attemptsPerRefusal(); attempt++) {
                expected.add(List.of(rule));
            }
        }
        expected.add(List.of("provider"));
        assertEquals(expected, violations(records), records::toString);
        for (JsonNode record : records.subList(1, records.size() - 1)) {
            assertAll(() -> assertEquals("blocked", JsonFields.text(record, "status"), record::toString),
                    () -> assertNull(JsonFields.integer(record, "http_status"), record::toString),
                    () -> assertEquals("IOException", JsonFields.text(record, "error_code"), record::toString),
                    () -> assertNotNull(JsonFields.text(record, "prompt_hash"), "the refused prompt's hash: " + record),
                    () -> assertNotNull(JsonFields.text(record, "model_requested"), record::toString));
        }
        assertEquals("success", JsonFields.text(records.get(records.size() - 1), "status"),
                "a provider is known only from the response: flagged, never blocked after the fact");
        assertOneStderrLinePerRule(with.process, List.of("max-tokens", "no-free", "model", "provider"));
    }

    @Test
    void theSpanCarriesTheViolationsAsAnAttributeAndOneEventPerRule(@TempDir Path temp) {
        Path journal = temp.resolve("journal");
        try (OtlpReceiver receiver = OtlpReceiver.start(OtlpReceiver.Behaviour.ACCEPT)) {
            Map<String, String> properties = policy("flag", "max-tokens,no-free");
            properties.put("openrouter.audit.otel.enabled", "true");
            properties.put("otel.exporter.otlp.endpoint", receiver.endpoint());
            properties.put("otel.exporter.otlp.protocol", "http/protobuf");
            properties.put("otel.metrics.exporter", "none");
            run(Stack.JDK, TestJdk.JDK_17, journal, properties, true, List.of("compliant", "free-model"));

            List<JsonNode> records = ExportedJournal.read(journal).records();
            Span clean = ExportedSpans.withId(receiver.spans(), JsonFields.text(records.get(0), "span_id"));
            assertNull(attributes(clean.getAttributesList()).get("openrouter.policy.violations"));
            assertEquals(0, clean.getEventsCount());
            Span broken = ExportedSpans.withId(receiver.spans(), JsonFields.text(records.get(1), "span_id"));
            AnyValue value = attributes(broken.getAttributesList()).get("openrouter.policy.violations");
            assertNotNull(value, broken::toString);
            assertEquals(List.of("provider", "no-free"), value.getArrayValue().getValuesList().stream()
                    .map(AnyValue::getStringValue).toList());
            assertEquals(List.of("provider", "no-free"), broken.getEventsList().stream()
                    .filter(e -> e.getName().equals("openrouter.policy.violation"))
                    .map(e -> attributes(e.getAttributesList()).get("openrouter.policy.rule").getStringValue())
                    .toList());
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("budgetStacks")
    void aDailyBudgetCrossedMidRunBlocksTheNextCallsAlsoAfterARestart(Stack stack, TestJdk jdk, @TempDir Path temp) {
        BigDecimal budget = new BigDecimal("0.00005");
        Map<String, String> policy = new LinkedHashMap<>();
        policy.put("openrouter.audit.policy.daily-budget-usd", budget.toPlainString());
        policy.put("openrouter.audit.policy.action", "block");
        Path journal = temp.resolve("journal");
        List<String> firstRun = List.of("budget-1", "budget-2", "budget-3", "budget-4", "budget-5", "budget-6");
        Run first = run(stack, jdk, journal, policy, true, firstRun);

        List<JsonNode> records = ExportedJournal.read(journal).assertWellFormed(stack.client).records();
        BigDecimal spent = BigDecimal.ZERO;
        int served = 0;
        for (JsonNode record : records) {
            if (spent.compareTo(budget) < 0) {
                assertEquals("success", JsonFields.text(record, "status"), "under budget: " + record);
                assertEquals(List.of(), texts(record.get("policy_violations")));
                spent = spent.add(record.get("total_cost").decimalValue());
                served++;
            } else {
                assertEquals("blocked", JsonFields.text(record, "status"), "spent " + spent + ": " + record);
                assertEquals(List.of("budget"), texts(record.get("policy_violations")));
            }
        }
        assertTrue(served >= 1 && served < firstRun.size(), "test design: the budget is crossed mid-run, after "
                + served + " calls: " + records);
        assertEquals(served, first.exchanges.size(), "blocked calls never reached the server");
        assertEquals(firstRun.size(), first.process.stdoutLines().size());

        Run restarted = run(stack, jdk, journal, policy, true, List.of("budget-7", "budget-8"));
        assertEquals(0, restarted.exchanges.size(), "today's spend was read back from the journal");
        for (String line : restarted.process.stdoutLines()) {
            assertTrue(line.contains(BLOCKED_BY + "budget)"), line);
        }
        List<JsonNode> all = ExportedJournal.read(journal).assertWellFormed(stack.client).records();
        assertEquals(records.size() + 2 * stack.attemptsPerRefusal(), all.size(), "seq and chain go on across runs");
    }

    @Test
    void aFlaggedBudgetLetsTheCallsGoAndMarksEveryCallStartedOverIt(@TempDir Path temp) {
        BigDecimal budget = new BigDecimal("0.00005");
        Map<String, String> policy = new LinkedHashMap<>();
        policy.put("openrouter.audit.policy.daily-budget-usd", budget.toPlainString());
        Path journal = temp.resolve("journal");
        List<String> calls = List.of("budget-1", "budget-2", "budget-3", "budget-4", "budget-5");
        Run run = run(Stack.JDK, TestJdk.JDK_17, journal, policy, true, calls);

        assertEquals(calls.size(), run.exchanges.size(), "flag never stops a call");
        BigDecimal spent = BigDecimal.ZERO;
        int over = 0;
        for (JsonNode record : ExportedJournal.read(journal).records()) {
            assertEquals("success", JsonFields.text(record, "status"), record::toString);
            boolean overBudget = spent.compareTo(budget) >= 0;
            assertEquals(overBudget ? List.of("budget") : List.of(), texts(record.get("policy_violations")),
                    "spent " + spent + " before: " + record);
            over += overBudget ? 1 : 0;
            spent = spent.add(record.get("total_cost").decimalValue());
        }
        assertTrue(over >= 1 && over < calls.size(), "test design: the budget is crossed mid-run");
        assertOneStderrLinePerRule(run.process, List.of("budget"));
    }

    static Stream<Arguments> budgetStacks() {
        return Stream.of(Arguments.of(Stack.JDK, TestJdk.JDK_17), Arguments.of(Stack.JDK, TestJdk.JDK_25),
                Arguments.of(Stack.OKHTTP, TestJdk.JDK_17));
    }

    @Test
    void malformedPolicyValuesGetOneLineEachAndTheApplicationRunsUnrestricted(@TempDir Path temp) {
        Map<String, String> policy = new LinkedHashMap<>();
        policy.put("openrouter.audit.policy.action", "deny");
        policy.put("openrouter.audit.policy.require", "max-token");
        policy.put("openrouter.audit.policy.daily-budget-usd", "ten");
        Path journal = temp.resolve("journal");
        Run with = run(Stack.JDK, TestJdk.JDK_17, journal, policy, true, List.of("no-token-limit", "free-model"));

        for (String line : with.process.stdoutLines()) {
            assertTrue(line.contains(": HTTP 200 "), "unrestricted: " + line);
        }
        List<String> stderr = with.process.stderr().lines().toList();
        for (String key : List.of("policy.action", "policy.require", "policy.daily-budget-usd")) {
            assertEquals(1, stderr.stream().filter(l -> l.contains("openrouter.audit." + key)).count(),
                    "one line naming " + key + ":\n" + with.process.stderr());
        }
        assertTrue(stderr.stream().noneMatch(l -> l.startsWith("\tat ")), "no stack trace: " + with.process.stderr());
        for (JsonNode record : ExportedJournal.read(journal).records()) {
            assertEquals(List.of(), texts(record.get("policy_violations")), record::toString);
        }
    }

    private record Run(ForkedJvmResult process, List<RecordedExchange> exchanges) {
    }

    private Run run(Stack stack, TestJdk jdk, Path journal, Map<String, String> policy, boolean agent,
                    List<String> requests) {
        Map<String, String> properties = new LinkedHashMap<>(AuditConfiguration.systemProperties(journal));
        properties.putAll(policy);
        List<String> args = new ArrayList<>();
        args.add(simulator.baseUrl());
        args.addAll(requests);
        ForkedJvm jvm = ForkedJvm.mainClass(jdk, stack.classPath(), stack.mainClass())
                .jvmOption("-XX:TieredStopAtLevel=1")
                .systemProperties(properties).args(args);
        if (agent) {
            jvm = jvm.javaAgent(AgentJar.require());
        }
        int mark = simulator.exchangeCount();
        ForkedJvmResult result = jvm.run().assertExitCode(0);
        return new Run(result, simulator.exchangesSince(mark));
    }

    private static Map<String, String> policy(String action, String require) {
        Map<String, String> policy = new LinkedHashMap<>();
        policy.put("openrouter.audit.policy.models", ALLOWED_MODELS);
        policy.put("openrouter.audit.policy.providers", ALLOWED_PROVIDERS);
        policy.put("openrouter.audit.policy.require", require);
        policy.put("openrouter.audit.policy.action", action);
        return policy;
    }

    private static void assertOneStderrLinePerRule(ForkedJvmResult process, List<String> rules) {
        List<String> lines = process.stderr().lines().filter(l -> l.contains("policy rule ")).toList();
        for (String rule : rules) {
            assertEquals(1, lines.stream().filter(l -> l.contains("policy rule " + rule + " broken")).count(),
                    "one stderr line for " + rule + ":\n" + process.stderr());
        }
        assertEquals(rules.size(), lines.size(), process.stderr());
    }

    private static List<List<String>> violations(List<JsonNode> records) {
        return records.stream().map(r -> texts(r.get("policy_violations"))).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static List<String> bodies(List<RecordedExchange> exchanges) {
        return exchanges.stream().map(e -> new String(e.request().body(), StandardCharsets.UTF_8)).sorted().toList();
    }

    /** The label every policy request's prompt carries. */
    private static String label(String name) {
        return "[policy-" + name + "]";
    }

    private static String labelOf(RecordedExchange exchange) {
        String body = new String(exchange.request().body(), StandardCharsets.UTF_8);
        int start = body.indexOf("[policy-");
        return start < 0 ? body : body.substring(start, body.indexOf(']', start) + 1);
    }
}
