package io.openrouteraudit.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} and {@code --flag} options of one command, checked against what it accepts. */
final class CommandArgs {

    private final String command;
    private final Map<String, String> values = new HashMap<>();

    private CommandArgs(String command) {
        this.command = command;
    }

    static CommandArgs parse(String command, List<String> args, Set<String> valued, Set<String> flags)
            throws UsageException {
        CommandArgs parsed = new CommandArgs(command);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            if (valued.contains(name)) {
                String value = inline;
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException(command + ": " + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                parsed.values.put(name, value);
            } else if (flags.contains(name) && inline == null) {
                parsed.values.put(name, "true");
            } else {
                throw new UsageException(command + ": unknown argument '" + arg + "' (see " + command + " --help)");
            }
        }
        return parsed;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    Path requiredDir() throws UsageException {
        String dir = values.get("--dir");
        if (dir == null || dir.isBlank()) {
            throw new UsageException(command + ": --dir D is required (the journal directory)");
        }
        return Path.of(dir);
    }

    /** An ISO date ({@code 2026-11-23}, UTC midnight) or date-time; {@code null} when absent. */
    Instant instant(String name) throws UsageException {
        String text = values.get(name);
        if (text == null) {
            return null;
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new UsageException(command + ": " + name + " '" + text
                    + "' is not an ISO date or time (e.g. 2026-11-23 or 2026-11-23T14:00:00Z)");
        }
    }
}
