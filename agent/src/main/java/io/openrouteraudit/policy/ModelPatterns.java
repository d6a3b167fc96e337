package io.openrouteraudit.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code policy.models}: model ids where {@code *} stands for any run of characters
 * ({@code anthropic/*}, {@code *:free}, {@code openai/gpt-4o*}). Case does not matter: OpenRouter
 * treats model ids case-insensitively. An empty list allows every model.
 */
final class ModelPatterns {

    private final List<String[]> patterns = new ArrayList<>();

    ModelPatterns(List<String> configured) {
        for (String pattern : configured) {
            // -1 keeps the empty pieces that a leading or trailing '*' leaves.
            patterns.add(pattern.toLowerCase(Locale.ROOT).split("\\*", -1));
        }
    }

    boolean isEmpty() {
        return patterns.isEmpty();
    }

    boolean allows(String model) {
        if (patterns.isEmpty()) {
            return true;
        }
        if (model == null) {
            return false;
        }
        String id = model.toLowerCase(Locale.ROOT);
        for (String[] pieces : patterns) {
            if (matches(pieces, id)) {
                return true;
            }
        }
        return false;
    }

    /** A glob match: the first piece anchors the start, the last the end, the middle ones in order. */
    private static boolean matches(String[] pieces, String id) {
        if (pieces.length == 1) {
            return pieces[0].equals(id);
        }
        String first = pieces[0];
        String last = pieces[pieces.length - 1];
        if (!id.startsWith(first) || !id.endsWith(last) || id.length() < first.length() + last.length()) {
            return false;
        }
        int from = first.length();
        int until = id.length() - last.length();
        for (int i = 1; i < pieces.length - 1; i++) {
            int at = id.indexOf(pieces[i], from);
            if (at < 0 || at + pieces[i].length() > until) {
                return false;
            }
            from = at + pieces[i].length();
        }
        return true;
    }
}
