package io.openrouteraudit.policy;

import io.openrouteraudit.capture.RequestStart;
import io.openrouteraudit.config.PolicyAction;
import io.openrouteraudit.openrouter.RequestFacts;
import io.openrouteraudit.openrouter.RequestParser;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Requests as the agent sees them: bodies parsed by the real parser, starts of real shape. */
final class PolicyFixtures {

    static final String CHAT = "/api/v1/chat/completions";
    static final String EMBEDDINGS = "/api/v1/embeddings";
    static final String RESPONSES = "/api/v1/responses";
    static final Instant NOW = Instant.parse("2026-11-24T10:15:30.123Z");

    private static final RequestParser PARSER = new RequestParser();

    private PolicyFixtures() {
    }

    static RequestFacts facts(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return PARSER.parse(body, 0, body.length);
    }

    static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    static RequestStart start(String method, String path) {
        return new RequestStart("jdk-httpclient", method, "https", "openrouter.ai", 443, path, NOW, 1_000L,
                "sk-or-v1-secret", null, null, null, null);
    }

    /** Only request rules, in the given mode. */
    static CompliancePolicy requiring(PolicyAction action, String... rules) {
        return new CompliancePolicy(List.of(), List.of(), List.of(rules), null, action);
    }

    static CompliancePolicy models(String... patterns) {
        return new CompliancePolicy(List.of(patterns), List.of(), List.of(), null, PolicyAction.FLAG);
    }

    static CompliancePolicy providers(String... names) {
        return new CompliancePolicy(List.of(), List.of(names), List.of(), null, PolicyAction.FLAG);
    }

    static CompliancePolicy budget(String usd, PolicyAction action) {
        return new CompliancePolicy(List.of(), List.of(), List.of(), new BigDecimal(usd), action);
    }
}
