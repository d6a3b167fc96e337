package io.openrouteraudit.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Warnings the JVM itself — not the agent — prints on the application's stderr because an agent
 * is there, removed exactly (block by block, naming the agent jar) so that a test can compare the
 * rest of the application's stderr with a run without the agent.
 */
final class JvmWarnings {

    private static final String UNSAFE_HEADER = "WARNING: A terminally deprecated method in sun.misc.Unsafe has been called";
    private static final String DYNAMIC_AGENT_HEADER = "WARNING: A Java agent has been loaded dynamically (";

    private JvmWarnings() {
    }

    /**
     * Without the four lines JDK 24 and newer print once per JVM when a memory-access method of
     * sun.misc.Unsafe is first called (JEP 498), when the caller named in them is in the agent
     * jar (Chronicle Queue, inside the agent). Silenced only by the application's own
     * {@code --sun-misc-unsafe-memory-access=allow}; the agent cannot, and must not, touch stderr.
     */
    static String withoutAgentsUnsafeWarning(String stderr, Path agentJar) {
        return withoutBlock(stderr, UNSAFE_HEADER, 4, "(file:" + agentJar + ")");
    }

    /**
     * Without the four lines JDK 21 and newer print when an agent is loaded into a running JVM
     * (JEP 451), naming the agent jar; {@code -XX:+EnableDynamicAgentLoading} on the
     * application's command line silences them.
     */
    static String withoutDynamicAgentLoadingWarning(String stderr, Path agentJar) {
        return withoutBlock(stderr, DYNAMIC_AGENT_HEADER + agentJar + ")", 4, "");
    }

    private static String withoutBlock(String text, String header, int lines, String namedInSecondLine) {
        List<String> all = text.lines().toList();
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).startsWith(header) && i + lines <= all.size()
                    && all.get(i + 1).contains(namedInSecondLine)
                    && all.subList(i, i + lines).stream().allMatch(l -> l.startsWith("WARNING: "))) {
                i += lines - 1;
            } else {
                kept.add(all.get(i));
            }
        }
        return kept.isEmpty() ? "" : String.join("\n", kept) + "\n";
    }
}
