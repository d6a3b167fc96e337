package io.openrouteraudit.cli;

import io.openrouteraudit.journal.ChainVerifier;
import io.openrouteraudit.journal.JournalReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** {@code verify}: the chain and the sequence, record by record. */
final class VerifyCommand implements JournalCommand {

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public String summary() {
        return "check the hash chain and the sequence";
    }

    @Override
    public String help() {
        return """
                usage: verify --dir D
                  Checks that seq runs without gaps and that every record_hash and prev_hash match.
                  Exit 0 and "OK <n> records" when intact; exit 1 and the first bad seq otherwise.""";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        CommandArgs a = CommandArgs.parse(name(), args, Set.of("--dir"), Set.of());
        ChainVerifier verifier = new ChainVerifier();
        try (JournalReader reader = JournalReader.open(a.requiredDir())) {
            for (String line = reader.next(); line != null; line = reader.next()) {
                if (!verifier.accept(line)) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UsageException("verify: " + e.getMessage(), 1);
        }
        ChainVerifier.Result result = verifier.result();
        if (result.intact()) {
            String from = result.firstSeq() > 1 ? " (chain starts at seq " + result.firstSeq() + ")" : "";
            out.println("OK " + result.records() + " records" + from);
            return 0;
        }
        out.println("FAILED at seq " + result.firstBadSeq() + ": " + result.problem()
                + " (" + result.records() + " records intact before it)");
        return 1;
    }
}
