package io.openrouteraudit.cli;

import io.openrouteraudit.cli.report.ChainStatus;
import io.openrouteraudit.cli.report.ReportData;
import io.openrouteraudit.cli.report.ReportFile;
import io.openrouteraudit.cli.report.ReportPage;
import io.openrouteraudit.cli.stats.OneLine;
import io.openrouteraudit.cli.stats.TimeWindow;
import io.openrouteraudit.journal.ChainVerifier;
import io.openrouteraudit.journal.JournalReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * {@code report}: one self-contained HTML page with the chain status and the journal's figures,
 * read in one streaming pass (aggregates only). A broken chain still gets its report, with the
 * failure on top, and exit code 1, as {@code verify} would exit.
 */
final class ReportCommand implements JournalCommand {

    private final Clock clock;

    ReportCommand() {
        this(Clock.systemUTC());
    }

    ReportCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String summary() {
        return "write a self-contained HTML report";
    }

    @Override
    public String help() {
        return """
                usage: report --dir D --out F.html [--since T] [--until T]
                  Writes one self-contained HTML page (inline CSS and SVG, no script, opens offline):
                  the chain status as verify computes it, totals, cost and requests per day and per
                  model as charts, error rate per model, providers, top users and keys by cost, and
                  policy violations.
                  --dir D      the journal directory (openrouter.audit.journal.dir)
                  --out F      the HTML file to write, owner-only (replaced, atomically, when it exists)
                  --since T    only records whose timestamp is at or after T (ISO date or date-time, UTC)
                  --until T    only records whose timestamp is before T
                  The chain is always checked over the whole journal. Exit 0 when it is intact; exit 1
                  (the report is still written, the failure on top) when it is not.""";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        CommandArgs a = CommandArgs.parse(name(), args, Set.of("--dir", "--out", "--since", "--until"), Set.of());
        Path dir = a.requiredDir();
        String outArg = a.get("--out", "");
        if (outArg.isBlank()) {
            throw new UsageException("report: --out F.html is required (the page to write)");
        }
        Instant since = a.instant("--since");
        Instant until = a.instant("--until");
        if (since != null && until != null && !since.isBefore(until)) {
            throw new UsageException("report: --since must be before --until");
        }
        Path target;
        try {
            target = Path.of(outArg);
        } catch (RuntimeException e) {
            throw new UsageException("report: --out '" + outArg + "' is not a file name");
        }
        ReportData data = new ReportData(new TimeWindow(since, until));
        ChainVerifier verifier = new ChainVerifier();
        try (JournalReader reader = JournalReader.open(dir); ReportFile file = ReportFile.create(target)) {
            boolean checking = true;
            for (String line = reader.next(); line != null; line = reader.next()) {
                if (checking) {
                    checking = verifier.accept(line);
                }
                data.accept(line);
            }
            ChainStatus chain = ChainStatus.of(verifier.result());
            file.write(new ReportPage(data, chain, dir.toAbsolutePath().normalize().toString(), clock.instant()));
            file.commit();
            out.println(chain.verifyLine());
            out.println("report written to " + file.target());
            out.flush();
            return chain.intact() ? 0 : 1;
        } catch (IOException e) {
            throw new UsageException("report: " + OneLine.of(e.getMessage()), 1);
        }
    }
}
