package io.openrouteraudit.it;

import java.time.Instant;
import java.util.List;

/** The chosen facts of one journal record written by {@link AgentJournalWriter}; a null cost or token count is absent. */
record ChosenRow(Instant timestamp, String generationId, String model, String provider, String status, Double cost,
        Long promptTokens, Long completionTokens, String userId, String key, List<String> violations) {
}
