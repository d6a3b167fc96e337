package io.openrouteraudit.cli;

import java.io.PrintStream;
import java.util.List;

/** One subcommand of the command line. */
interface JournalCommand {

    String name();

    /** One line for the overview. */
    String summary();

    /** The full {@code --help} text. */
    String help();

    /** Runs with the arguments after the command name; returns the exit code. */
    int run(List<String> args, PrintStream out, PrintStream err) throws UsageException;
}
