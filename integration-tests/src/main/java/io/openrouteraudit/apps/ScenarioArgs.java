package io.openrouteraudit.apps;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The command line the test applications share: {@code <baseUrl> <scenario>... | all}, or
 * {@code --list}. Bad arguments get one line and exit code 2.
 */
public final class ScenarioArgs {

    private ScenarioArgs() {
    }

    /**
     * @param known the scenario names in the order {@code all} runs them
     * @param onRequestOnly scenarios run only when named, never by {@code all}
     * @return the scenarios to run, or {@code null} when {@code --list} printed the names
     */
    public static List<String> scenarios(String app, Set<String> known, Set<String> onRequestOnly, String[] args) {
        if (args.length == 1 && args[0].equals("--list")) {
            known.forEach(System.out::println);
            return null;
        }
        if (args.length < 2) {
            System.err.println("usage: " + app + " <baseUrl> <scenario>... | all   (--list for names)");
            System.exit(2);
        }
        List<String> names = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("all")) {
                names.addAll(known);
            } else if (known.contains(args[i]) || onRequestOnly.contains(args[i])) {
                names.add(args[i]);
            } else {
                System.err.println("unknown scenario '" + args[i] + "'; known: " + known);
                System.exit(2);
            }
        }
        return names;
    }
}
