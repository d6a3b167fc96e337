package io.openrouteraudit.cli;

import io.openrouteraudit.cli.stats.OneLine;
import io.openrouteraudit.journal.JournalReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * {@code tail}: the newest records as stored lines, then, with {@code --follow}, each record
 * another process appends, until interrupted. One Chronicle tailer reads every record in order, so
 * none is printed twice or skipped, across the journal's daily or hourly roll too.
 */
final class TailCommand implements JournalCommand {

    /** How long {@code --follow} sleeps when there is nothing new. */
    static final long POLL_MILLIS = 150;

    private final BooleanSupplier stopRequested;

    TailCommand() {
        this(() -> false);
    }

    /** With a stop condition that {@code --follow} checks between records and polls (tests; embedding). */
    TailCommand(BooleanSupplier stopRequested) {
        this.stopRequested = stopRequested;
    }

    @Override
    public String name() {
        return "tail";
    }

    @Override
    public String summary() {
        return "the newest records, then new ones as they come (--follow)";
    }

    @Override
    public String help() {
        return """
                usage: tail --dir D [-n N] [--follow|-f]
                  Prints the newest N records of the journal as stored (one JSON object per line), oldest first.
                  --dir D      the journal directory (openrouter.audit.journal.dir)
                  -n N         how many of the newest records (default 10; 0 prints none)
                  --follow, -f then keep printing records as they are appended, by this or any other
                               process, across the daily or hourly roll, until interrupted (Ctrl-C);
                               polls every %d ms when idle""".formatted(POLL_MILLIS);
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        CommandArgs a = CommandArgs.parse(name(), args, Set.of("--dir", "-n"), Set.of("--follow", "-f"));
        long n = count(a.get("-n", "10"));
        boolean follow = a.has("--follow") || a.has("-f");
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        try (JournalReader reader = JournalReader.open(a.requiredDir())) {
            reader.startAtNewest(n);
            print(reader, w);
            w.flush();
            if (!follow) {
                return 0;
            }
            while (!stopped() && !out.checkError()) {
                if (print(reader, w) > 0) {
                    w.flush();
                    continue;
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            w.flush();
            return 0;
        } catch (IOException e) {
            throw new UsageException("tail: " + OneLine.of(e.getMessage()), 1);
        }
    }

    private boolean stopped() {
        return stopRequested.getAsBoolean() || Thread.currentThread().isInterrupted();
    }

    /** Prints what can be read now; returns how many lines. */
    private int print(JournalReader reader, Writer w) throws IOException {
        int printed = 0;
        String line;
        while ((line = reader.next()) != null) {
            w.write(line);
            w.write('\n');
            if (++printed % 1024 == 0 && stopped()) {
                break;
            }
        }
        return printed;
    }

    private static long count(String text) throws UsageException {
        try {
            long n = Long.parseLong(text);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new UsageException("tail: -n '" + text + "' is not a count of records (0 or more)");
    }
}
