package io.openrouteraudit.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints medians per client: the baseline, then each agent's figure, what it adds and the ratio. */
final class ComparisonTable {

    private ComparisonTable() {
    }

    static void print(PrintStream out, Map<String, List<Double>> figures, List<String> names, List<String> clients,
                      List<String> configs) {
        String baseline = configs.get(0);
        for (String client : clients) {
            StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%n%-8s %-20s %10s", client, "(medians)", baseline));
            for (String config : configs.subList(1, configs.size())) {
                head.append(String.format(Locale.ROOT, " | %10s %10s %7s", config, "added", "ratio"));
            }
            out.println(head);
            for (String name : names) {
                double base = median(figures.get(client + "." + baseline + "." + name));
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-29s %10.2f", name, base));
                for (String config : configs.subList(1, configs.size())) {
                    double value = median(figures.get(client + "." + config + "." + name));
                    row.append(String.format(Locale.ROOT, " | %10.2f %+10.2f %7.2f", value, value - base, value / base));
                }
                out.println(row);
            }
        }
    }

    static double median(List<Double> values) {
        if (values == null || values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
