package io.openrouteraudit.redact;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The redacted text and how many matches each rule replaced.
 *
 * @param text   the redacted text; {@code null} when the input was {@code null}
 * @param counts rule name to number of matches, in order of each rule's first match;
 *               unmodifiable and empty when nothing was replaced
 */
public record RedactionResult(String text, Map<String, Integer> counts) {

    public RedactionResult {
        // Copied so that neither the caller's map nor later edits can change a result that may
        // already sit in a journal record; a LinkedHashMap keeps the insertion order promised above.
        counts = counts == null || counts.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }
}
