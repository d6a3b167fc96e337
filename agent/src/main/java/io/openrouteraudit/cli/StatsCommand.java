package io.openrouteraudit.cli;

import io.openrouteraudit.cli.stats.GroupBy;
import io.openrouteraudit.cli.stats.JournalStats;
import io.openrouteraudit.cli.stats.LatencyHistogram;
import io.openrouteraudit.cli.stats.OneLine;
import io.openrouteraudit.cli.stats.StatsFormat;
import io.openrouteraudit.cli.stats.TimeWindow;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** {@code stats}: requests, errors, tokens, cost and latency per model, day, user, provider, key or policy rule. */
final class StatsCommand implements JournalCommand {

    @Override
    public String name() {
        return "stats";
    }

    @Override
    public String summary() {
        return "requests, errors, tokens, cost and latency per group";
    }

    @Override
    public String help() {
        return """
                usage: stats --dir D --by model|day|user|provider|key|policy [--since T] [--until T] [--format table|csv|json]
                  Per group: requests, errors (records whose status is not success), error %%, prompt and
                  completion tokens, cost in USD (sum of total_cost), p50 and p95 latency_ms.
                  --dir D      the journal directory (openrouter.audit.journal.dir)
                  --by G       model     model_used, else model_requested
                               day       UTC date of timestamp
                               user      user_id
                               provider  the upstream provider
                               key       key_fingerprint
                               policy    each entry of policy_violations: a record breaking two rules is in
                                         both rows (counted once in TOTAL); a record with none is not counted
                  --since T    only records whose timestamp is at or after T (ISO date or date-time, UTC)
                  --until T    only records whose timestamp is before T
                  --format F   table (default: aligned, with a TOTAL row), csv (header row, no total),
                               json (an array of objects, no total)
                  A missing value (no user_id, no provider, ...) is its own group, shown as (none)
                  (null in json).
                  Rows: by cost, then requests, highest first; --by day: by date.
                  Percentiles are nearest-rank over the records that have a latency_ms, read from a
                  fixed-size log-bucketed histogram: exact below %d ms, otherwise within %s%% of the exact
                  value (buckets %.0f%% wide), so memory does not grow with the number of records.
                  The table rounds cost to 6 decimals; csv and json give the exact sum."""
                .formatted(LatencyHistogram.EXACT_BELOW, LatencyHistogram.RELATIVE_ERROR_PERCENT,
                        (LatencyHistogram.GROWTH - 1) * 100);
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        CommandArgs a = CommandArgs.parse(name(), args, Set.of("--dir", "--by", "--since", "--until", "--format"),
                Set.of());
        String byText = a.get("--by", null);
        if (byText == null) {
            throw new UsageException("stats: --by G is required (" + GroupBy.options() + ")");
        }
        GroupBy by = GroupBy.fromOption(byText);
        if (by == null) {
            throw new UsageException("stats: --by '" + byText + "' is not one of " + GroupBy.options());
        }
        String formatText = a.get("--format", "table");
        StatsFormat format = StatsFormat.fromOption(formatText);
        if (format == null) {
            throw new UsageException("stats: --format '" + formatText + "' is not one of table|csv|json");
        }
        TimeWindow window = new TimeWindow(a.instant("--since"), a.instant("--until"));
        JournalStats stats;
        try {
            stats = JournalStats.collect(a.requiredDir(), window, by);
        } catch (IOException e) {
            throw new UsageException("stats: " + OneLine.of(e.getMessage()), 1);
        }
        try {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            format.write(stats, w);
            w.flush();
        } catch (IOException e) {
            throw new UsageException("stats: cannot write the output: " + OneLine.of(e.getMessage()), 1);
        }
        return 0;
    }
}
