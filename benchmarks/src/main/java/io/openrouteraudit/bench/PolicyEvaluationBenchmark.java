package io.openrouteraudit.bench;

import io.openrouteraudit.capture.BodySnapshot;
import io.openrouteraudit.capture.Exchange;
import io.openrouteraudit.capture.GateVerdict;
import io.openrouteraudit.capture.Outcome;
import io.openrouteraudit.capture.RequestStart;
import io.openrouteraudit.config.AuditConfig;
import io.openrouteraudit.config.ConfigLoader;
import io.openrouteraudit.openrouter.RequestFacts;
import io.openrouteraudit.openrouter.RequestParser;
import io.openrouteraudit.policy.CompliancePolicy;
import io.openrouteraudit.policy.DailySpend;
import io.openrouteraudit.policy.PolicyGate;
import io.openrouteraudit.policy.RecordViolations;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * What the compliance policy adds per call. {@code flagAtRecord}: the checks on the request the
 * record assembler has already parsed, plus the provider (the whole cost of {@code flag}).
 * {@code blockBeforeSending}: the gate with request rules, which parses the body read ahead
 * (the extra cost of {@code block}). {@code budgetOnly}: the gate with just a daily budget.
 */
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PolicyEvaluationBenchmark extends PerCallBenchmark {

    private static final String RULES = "max-tokens,no-fallbacks,data-collection-deny,zdr,no-free";

    private final byte[] body = ("{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"system\",\"content\":"
            + "\"You are a concise customer-support assistant.\"},{\"role\":\"user\",\"content\":\""
            + HotPathBenchmark.promptText(1500) + "\"}],\"max_tokens\":256,\"temperature\":0.2,"
            + "\"provider\":{\"only\":[\"OpenAI\"],\"allow_fallbacks\":false,\"data_collection\":\"deny\",\"zdr\":true}}")
            .getBytes(StandardCharsets.UTF_8);
    private final RequestStart start = new RequestStart("jdk-httpclient", "POST", "https", "openrouter.ai", 443,
            "/api/v1/chat/completions", Instant.now(), System.nanoTime(), null, null, null, null, null);
    private final RequestFacts facts = new RequestParser().parse(body, 0, body.length);
    private final Exchange exchange = new Exchange(start, BodySnapshot.EMPTY, null, BodySnapshot.EMPTY,
            System.nanoTime(), Outcome.COMPLETED, null, null);

    private final RecordViolations flag = new RecordViolations(CompliancePolicy.from(config("flag", null)));
    private final PolicyGate block = gate(config("block", null), false);
    private final PolicyGate budgetOnly = gate(config("flag", "25"), true);

    @Benchmark
    public List<String> flagAtRecord() {
        return flag.violations(exchange, facts, "OpenAI");
    }

    @Benchmark
    public GateVerdict blockBeforeSending() {
        return block.admit(start, body);
    }

    @Benchmark
    public GateVerdict budgetOnly() {
        return budgetOnly.admit(start, null);
    }

    private static PolicyGate gate(AuditConfig config, boolean budget) {
        CompliancePolicy policy = CompliancePolicy.from(config);
        DailySpend spend = null;
        if (budget) {
            spend = new DailySpend(Clock.systemUTC(), null);
            spend.skipReadBack();
        }
        return new PolicyGate(policy, spend);
    }

    private static AuditConfig config(String action, String budget) {
        Properties properties = new Properties();
        properties.setProperty("openrouter.audit.policy.models", "openai/*,anthropic/*");
        properties.setProperty("openrouter.audit.policy.providers", "OpenAI,Anthropic");
        properties.setProperty("openrouter.audit.policy.action", action);
        if (budget == null) {
            properties.setProperty("openrouter.audit.policy.require", RULES);
        } else {
            properties.clear();
            properties.setProperty("openrouter.audit.policy.daily-budget-usd", budget);
        }
        return ConfigLoader.load(properties, Map.of()).config();
    }
}
