package io.openrouteraudit.cli;

import io.openrouteraudit.journal.JournalReader;
import io.openrouteraudit.journal.StoredRecordFields;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** {@code export}: the stored records, one JSON object per line, oldest first, streaming. */
final class ExportCommand implements JournalCommand {

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "print records as JSON lines";
    }

    @Override
    public String help() {
        return """
                usage: export --dir D [--since T] [--until T] [--format jsonl]
                  Prints the journal's records to stdout, one JSON object per line, oldest first.
                  --dir D      the journal directory (openrouter.audit.journal.dir)
                  --since T    only records whose timestamp is at or after T (ISO date or date-time, UTC)
                  --until T    only records whose timestamp is before T
                  --format F   jsonl (default)""";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        CommandArgs a = CommandArgs.parse(name(), args, Set.of("--dir", "--since", "--until", "--format"), Set.of());
        Path dir = a.requiredDir();
        Instant since = a.instant("--since");
        Instant until = a.instant("--until");
        String format = a.get("--format", "jsonl");
        if (!format.equals("jsonl")) {
            throw new UsageException("export: --format '" + format + "' is not supported (allowed: jsonl)");
        }
        try (JournalReader reader = JournalReader.open(dir)) {
            for (String line = reader.next(); line != null; line = reader.next()) {
                if (within(line, since, until)) {
                    out.println(line);
                }
            }
        } catch (IOException e) {
            throw new UsageException("export: " + e.getMessage(), 1);
        }
        out.flush();
        return 0;
    }

    private static boolean within(String line, Instant since, Instant until) {
        if (since == null && until == null) {
            return true;
        }
        Object ts = StoredRecordFields.memberOf(line, "timestamp");
        if (!(ts instanceof String text)) {
            return false;
        }
        Instant at = Instant.parse(text);
        return (since == null || !at.isBefore(since)) && (until == null || at.isBefore(until));
    }
}
