package io.openrouteraudit.cli;

import io.openrouteraudit.audit.AuditRecord;
import io.openrouteraudit.openrouter.Routing;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An {@link AuditRecord} with the fields the auditor's commands group and sum chosen by the test. */
final class ChosenRecord {

    Instant timestamp = Instant.parse("2026-11-23T10:00:00.000Z");
    String generationId = "gen-1763892000-ChosenRecordAAAAAAAA";
    String modelRequested = "openai/gpt-4o";
    String modelUsed = "openai/gpt-4o";
    String provider = "OpenAI";
    Integer httpStatus = 200;
    String status = "success";
    String errorCode;
    Long promptTokens = 10L;
    Long completionTokens = 20L;
    Double cost = 0.001;
    Long latencyMs = 400L;
    String userId = "user-1";
    String appTitle = "Audit Test App";
    String keyFingerprint = "0123456789ab";
    Map<String, Integer> pii = Map.of("EMAIL", 1);
    Routing routing = Routing.none();
    List<String> violations = List.of();
    String prompt;
    String completion;

    static ChosenRecord at(String timestamp) {
        ChosenRecord r = new ChosenRecord();
        r.timestamp = Instant.parse(timestamp);
        return r;
    }

    ChosenRecord model(String requested, String used) {
        modelRequested = requested;
        modelUsed = used;
        return this;
    }

    ChosenRecord provider(String value) {
        provider = value;
        return this;
    }

    ChosenRecord user(String value) {
        userId = value;
        return this;
    }

    ChosenRecord key(String value) {
        keyFingerprint = value;
        return this;
    }

    ChosenRecord cost(Double value) {
        cost = value;
        return this;
    }

    ChosenRecord latency(Long value) {
        latencyMs = value;
        return this;
    }

    ChosenRecord tokens(Long prompt, Long completion) {
        promptTokens = prompt;
        completionTokens = completion;
        return this;
    }

    ChosenRecord failed(String newStatus, Integer newHttpStatus, String code) {
        status = newStatus;
        httpStatus = newHttpStatus;
        errorCode = code;
        return this;
    }

    ChosenRecord violations(String... rules) {
        violations = List.of(rules);
        return this;
    }

    ChosenRecord title(String value) {
        appTitle = value;
        return this;
    }

    ChosenRecord texts(String newPrompt, String newCompletion) {
        prompt = newPrompt;
        completion = newCompletion;
        return this;
    }

    ChosenRecord routing(Routing value) {
        routing = value;
        return this;
    }

    AuditRecord build() {
        return new AuditRecord(timestamp, generationId, "jdk-httpclient", "POST", "/api/v1/chat/completions",
                modelRequested, modelUsed, provider, false, httpStatus, status, errorCode, "stop", promptTokens,
                completionTokens, null, 0L, cost, latencyMs, null, userId, appTitle, null, keyFingerprint,
                "a".repeat(64), "b".repeat(64), pii, false, null, routing, violations, null, null, prompt,
                completion);
    }
}
