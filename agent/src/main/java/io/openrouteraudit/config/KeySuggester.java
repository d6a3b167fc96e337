package io.openrouteraudit.config;

import java.util.Collection;
import java.util.Locale;

/** Finds the known key a misspelt one was probably meant to be, for "did you mean" hints. */
final class KeySuggester {

    /** Beyond this many edits a suggestion is more likely to confuse than to help. */
    static final int MAX_DISTANCE = 3;

    private KeySuggester() {
    }

    /**
     * The candidate nearest to {@code typed} by case-insensitive edit distance, when within
     * {@link #MAX_DISTANCE} and shorter than the typed text itself (so "x" suggests nothing);
     * otherwise a candidate that ends with {@code separator} + typed ("max-bytes" means
     * "capture.max-bytes"); otherwise null. Ties go to the earlier candidate.
     */
    static String nearest(String typed, Collection<String> candidates, char separator) {
        String t = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(t, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        if (best != null && bestDistance <= MAX_DISTANCE && bestDistance < t.length()) {
            return best;
        }
        if (t.isEmpty()) {
            return null;
        }
        for (String candidate : candidates) {
            String c = candidate.toLowerCase(Locale.ROOT);
            if (c.endsWith(t) && c.length() > t.length() && c.charAt(c.length() - t.length() - 1) == separator) {
                return candidate;
            }
        }
        return null;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
