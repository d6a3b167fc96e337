package io.openrouteraudit.policy;

import static io.openrouteraudit.policy.PolicyFixtures.requiring;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openrouteraudit.audit.AuditRecord;
import io.openrouteraudit.config.LogLevel;
import io.openrouteraudit.config.PolicyAction;
import io.openrouteraudit.diag.AgentLog;
import io.openrouteraudit.openrouter.Routing;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ViolationLogTest {

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private ViolationLog logAt(LogLevel level, PolicyAction action) {
        AgentLog log = new AgentLog(level, UnaryOperator.identity(), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        return new ViolationLog(log, requiring(action, "max-tokens"));
    }

    private List<String> lines() {
        return stderr.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static AuditRecord record(String status, List<String> violations) {
        return new AuditRecord(Instant.parse("2026-11-24T10:15:30.123Z"), null, "okhttp", "POST",
                "/api/v1/chat/completions", "openai/gpt-4o", null, null, false, null, status, null, null, null, null,
                null, null, null, 1L, null, null, null, null, null, null, null, Map.of(), false, null,
                Routing.none(), violations, null, null, null, null, null);
    }

    @Test
    void eachRuleIsToldOnceWhateverHowOftenItIsBroken() {
        ViolationLog log = logAt(LogLevel.WARN, PolicyAction.FLAG);

        log.write(record("success", List.of("model", "max-tokens")));
        log.write(record("success", List.of("max-tokens")));
        log.write(record("success", List.of("model", "max-tokens", "zdr")));
        log.write(record("success", List.of()));

        List<String> lines = lines();
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("openrouter-audit: policy rule model broken by a call to openai/gpt-4o"),
                lines.get(0));
        assertTrue(lines.get(1).contains("policy rule max-tokens "), lines.get(1));
        assertTrue(lines.get(2).contains("policy rule zdr "), lines.get(2));
        assertTrue(lines.get(0).contains("policy.action=flag"), lines.get(0));
    }

    @Test
    void aBlockedCallSaysItWasNotSent() {
        ViolationLog log = logAt(LogLevel.WARN, PolicyAction.BLOCK);

        log.write(record("blocked", List.of("max-tokens")));
        log.write(record("success", List.of("provider")));

        List<String> lines = lines();
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).contains("(blocked, not sent)"), lines.get(0));
        assertTrue(lines.get(1).contains("(known only from the response: flagged)"), lines.get(1));
    }

    @Test
    void inBlockModeARequestRuleFlaggedAfterSendingSaysWhyItWasNotBlocked() {
        ViolationLog log = logAt(LogLevel.WARN, PolicyAction.BLOCK);

        log.write(record("success", List.of("zdr")));

        String line = lines().get(0);
        assertTrue(line.contains("policy rule zdr "), line);
        assertTrue(line.contains("(its body could not be read before sending: flagged)"), line);
    }

    @Test
    void aCallWithoutModelIsNamedByItsEndpoint() {
        ViolationLog log = logAt(LogLevel.WARN, PolicyAction.FLAG);
        AuditRecord r = record("success", List.of("budget"));
        AuditRecord noModel = new AuditRecord(r.timestamp(), null, r.client(), r.method(), r.endpoint(), null, null,
                null, false, null, "success", null, null, null, null, null, null, null, 1L, null, null, null, null,
                null, null, null, Map.of(), false, null, Routing.none(), List.of("budget"), null, null, null, null,
                null);

        log.write(noModel);

        assertTrue(lines().get(0).contains("by a call to /api/v1/chat/completions"), lines().get(0));
    }

    @Test
    void nothingIsSaidAtLogLevelOff() {
        ViolationLog log = logAt(LogLevel.OFF, PolicyAction.BLOCK);

        log.write(record("blocked", List.of("model", "max-tokens", "budget")));
        log.write(record("success", List.of("provider")));

        assertEquals(List.of(), lines());
    }
}
