package io.openrouteraudit.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** One run of the command line with captured stdout and stderr. */
record CliRun(int exit, String out, String err) {

    static CliRun of(String... args) {
        return withInput(new byte[0], new Properties(), Map.of(), args);
    }

    /** A run reading {@code stdin}, in a process whose agent configuration is the given properties and environment. */
    static CliRun withInput(byte[] stdin, Properties systemProperties, Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = new AuditCli(new ByteArrayInputStream(stdin), o, e, systemProperties, environment)
                    .execute(Arrays.asList(args));
        }
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    List<String> outLines() {
        return out.isEmpty() ? List.of() : List.of(out.split("\\R"));
    }

    List<String> errLines() {
        return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
    }
}
