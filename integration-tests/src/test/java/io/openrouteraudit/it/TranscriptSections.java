package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A transcript cut into its scenarios ({@code == name} lines start each), so that a difference
 * with the agent attached is reported by scenario instead of as one long string.
 */
final class TranscriptSections {

    private TranscriptSections() {
    }

    static Map<String, String> of(String transcript) {
        Map<String, String> sections = new LinkedHashMap<>();
        String name = "(before the first scenario)";
        StringBuilder text = new StringBuilder();
        for (String line : transcript.lines().toList()) {
            if (line.startsWith("== ")) {
                sections.put(name, text.toString());
                name = line.substring(3);
                text = new StringBuilder();
            } else {
                text.append(line).append('\n');
            }
        }
        sections.put(name, text.toString());
        return sections;
    }

    /** Every scenario printed the same with the agent as without; the message names each that did not. */
    static void assertSame(ComparedRuns runs) {
        Map<String, String> without = of(runs.withoutAgent().process().stdout());
        Map<String, String> with = of(runs.withAgent().process().stdout());
        assertEquals(List.copyOf(without.keySet()), List.copyOf(with.keySet()),
                "the scenarios the application ran, with the agent attached\n" + runs.withAgent().process().describe());
        List<String> differing = new ArrayList<>();
        StringBuilder message = new StringBuilder();
        for (Map.Entry<String, String> section : without.entrySet()) {
            String withAgent = with.get(section.getKey());
            if (!section.getValue().equals(withAgent)) {
                differing.add(section.getKey());
                message.append("\n--- scenario ").append(section.getKey()).append(", without the agent:\n")
                        .append(section.getValue()).append("--- with the agent:\n").append(withAgent);
            }
        }
        if (!differing.isEmpty()) {
            fail("the application printed something else with the agent attached, in scenarios " + differing
                    + message + "\n--- stderr with the agent (tail) ---\n" + tail(runs.withAgent().process().stderr()));
        }
    }

    /** One scenario's text, with and without the agent, must be equal. */
    static void assertSameSection(ComparedRuns runs, String scenario) {
        String without = of(runs.withoutAgent().process().stdout()).get(scenario);
        String with = of(runs.withAgent().process().stdout()).get(scenario);
        if (without == null) {
            fail("the application did not run scenario " + scenario + "\n" + runs.withoutAgent().process().describe());
        }
        assertEquals(without, with, "scenario " + scenario + " printed something else with the agent attached");
    }

    private static String tail(String text) {
        return text.length() <= 3000 ? text : "…" + text.substring(text.length() - 3000);
    }
}
