package io.openrouteraudit.apps;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One line per policy call, the same for every client stack: what the application saw. */
public final class PolicyCallLine {

    private static final Pattern MODEL = Pattern.compile("\"model\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern PROVIDER = Pattern.compile("\"provider\"\\s*:\\s*\"([^\"]*)\"");

    private PolicyCallLine() {
    }

    public static String answered(String name, int status, String body) {
        return name + ": HTTP " + status + " model " + first(MODEL, body) + " provider " + first(PROVIDER, body);
    }

    public static String failed(String name, Throwable thrown) {
        Throwable t = thrown;
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return name + ": exception " + t.getClass().getName() + ": " + t.getMessage()
                + (t.getCause() == null ? "" : " (caused by " + t.getCause().getClass().getName() + ")");
    }

    private static String first(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body == null ? "" : body);
        return m.find() ? m.group(1) : "-";
    }
}
