package io.openrouteraudit.cli;

import io.openrouteraudit.cli.reconcile.BackoffPolicy;
import io.openrouteraudit.cli.reconcile.OpenRouterGenerations;
import io.openrouteraudit.cli.reconcile.ReconcileException;
import io.openrouteraudit.cli.reconcile.Reconciliation;
import io.openrouteraudit.journal.JournalReader;
import io.openrouteraudit.journal.StoredRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code reconcile}: each record's generation as OpenRouter's billing knows it
 * ({@code GET /api/v1/generation?id=}), and where cost, tokens, model or provider differ from
 * the journal. The only command that makes network calls.
 */
final class ReconcileCommand implements JournalCommand {

    static final String KEY_VARIABLE = "OPENROUTER_API_KEY";
    private static final Duration MAX_MAX_WAIT = Duration.ofMinutes(10);

    private final Function<String, String> environment;
    private final OpenRouterGenerations.Sleeper sleeper;
    private final Clock clock;

    ReconcileCommand() {
        this(System::getenv, duration -> Thread.sleep(duration.toMillis()), Clock.systemUTC());
    }

    ReconcileCommand(Function<String, String> environment, OpenRouterGenerations.Sleeper sleeper, Clock clock) {
        this.environment = environment;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "reconcile";
    }

    @Override
    public String summary() {
        return "compare records with OpenRouter's generation stats (network)";
    }

    @Override
    public String help() {
        return """
                usage: reconcile --dir D [--since T] [--until T] [--base-url U] [--max-wait S]
                  Looks up every record that has a generation_id with OpenRouter's
                  GET {base-url}/api/v1/generation?id=..., with the API key from the environment
                  variable OPENROUTER_API_KEY, and compares total_cost, prompt_tokens,
                  completion_tokens, the model and the provider with the journal.
                  Prints one line per differing field and per generation OpenRouter does not know:
                    MISMATCH seq=<n> generation_id=<id> field=<f> journal=<v> openrouter=<v>
                    UNKNOWN seq=<n> generation_id=<id> ...
                  then: checked <n>, matched <n>, mismatched <n>, unknown <n>
                  OpenRouter answers 404 for a second or more after a call ends: a 404 is retried
                  with exponential backoff (0.5 s, 1 s, 2 s, ...; at most 6 requests and --max-wait
                  seconds per generation; once for generations that ended over 10 minutes ago),
                  as are 429 and 5xx answers, honouring Retry-After.
                  Exit 0 when every record matched, 1 when any differed or is unknown, 2 for bad
                  arguments, a missing key, a missing or damaged journal, or an unreachable server.
                  --dir D        the journal directory (openrouter.audit.journal.dir)
                  --since T      only records whose timestamp is at or after T (ISO date or date-time, UTC)
                  --until T      only records whose timestamp is before T
                  --base-url U   OpenRouter's address (default https://openrouter.ai)
                  --max-wait S   seconds one generation may wait between retries (default 10)""";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        CommandArgs a = CommandArgs.parse(name(), args,
                Set.of("--dir", "--since", "--until", "--base-url", "--max-wait"), Set.of());
        Path dir = a.requiredDir();
        Instant since = a.instant("--since");
        Instant until = a.instant("--until");
        URI base;
        try {
            base = OpenRouterGenerations.baseUrl(a.get("--base-url", OpenRouterGenerations.DEFAULT_BASE_URL));
        } catch (IllegalArgumentException e) {
            throw new UsageException("reconcile: --base-url " + e.getMessage());
        }
        Duration maxWait = maxWait(a.get("--max-wait", null));
        String key = apiKey();

        Reconciliation reconciliation = new Reconciliation(new OpenRouterGenerations(base, key, sleeper),
                BackoffPolicy.standard(maxWait), clock, out);
        Reconciliation.Tally tally;
        try (JournalReader reader = JournalReader.open(dir)) {
            tally = reconciliation.run(() -> nextWithin(reader, since, until));
        } catch (IOException e) {
            out.flush();
            throw new UsageException("reconcile: " + e.getMessage(), 2);
        } catch (ReconcileException e) {
            out.flush();
            throw new UsageException("reconcile: " + e.getMessage(), 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("reconcile: interrupted", 2);
        }
        out.println(tally.summary());
        out.flush();
        return tally.allMatched() ? 0 : 1;
    }

    private String apiKey() throws UsageException {
        String key = environment.apply(KEY_VARIABLE);
        if (key == null || key.isBlank()) {
            throw new UsageException("reconcile: " + KEY_VARIABLE + " is not set; it must hold the OpenRouter API key "
                    + "of the account whose generations the journal records");
        }
        key = key.strip();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw new UsageException("reconcile: " + KEY_VARIABLE
                        + " holds a character an API key cannot have (whitespace or non-ASCII)");
            }
        }
        return key;
    }

    private static Duration maxWait(String text) throws UsageException {
        if (text == null) {
            return BackoffPolicy.DEFAULT_MAX_WAIT;
        }
        try {
            BigDecimal seconds = new BigDecimal(text.trim());
            Duration wait = Duration.ofMillis(seconds.movePointRight(3).longValueExact());
            if (!wait.isNegative() && wait.compareTo(MAX_MAX_WAIT) <= 0) {
                return wait;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw new UsageException("reconcile: --max-wait '" + text + "' is not a number of seconds from 0 to "
                + MAX_MAX_WAIT.toSeconds());
    }

    /** The next record within [since, until), parsed; a line that is not a record means damage. */
    private static StoredRecord nextWithin(JournalReader reader, Instant since, Instant until) throws IOException {
        for (String line = reader.next(); line != null; line = reader.next()) {
            StoredRecord record;
            try {
                record = StoredRecord.parse(line);
            } catch (IOException | RuntimeException e) {
                throw new IOException("the journal is damaged: a record is not readable JSON (run verify)");
            }
            if (since == null && until == null) {
                return record;
            }
            Instant at = record.timestamp();
            if (at != null && (since == null || !at.isBefore(since)) && (until == null || at.isBefore(until))) {
                return record;
            }
        }
        return null;
    }
}
