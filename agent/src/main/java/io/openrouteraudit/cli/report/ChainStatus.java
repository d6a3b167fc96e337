package io.openrouteraudit.cli.report;

import io.openrouteraudit.journal.ChainVerifier;

/** The chain as {@code verify} sees it, with {@code verify}'s own words. */
public record ChainStatus(boolean intact, long records, long firstSeq, long firstBadSeq, String problem) {

    public static ChainStatus of(ChainVerifier.Result result) {
        return new ChainStatus(result.intact(), result.records(), result.firstSeq(), result.firstBadSeq(),
                result.problem());
    }

    /** Exactly the line {@code verify --dir D} prints. */
    public String verifyLine() {
        if (intact) {
            return "OK " + records + " records" + (firstSeq > 1 ? " (chain starts at seq " + firstSeq + ")" : "");
        }
        return "FAILED at seq " + firstBadSeq + ": " + problem + " (" + records + " records intact before it)";
    }

    /** Where the verified chain starts: seq 1, or the oldest kept record after retention. */
    public String start() {
        if (firstSeq < 1) {
            return "no verifiable record";
        }
        return firstSeq == 1 ? "seq 1 (the journal's first record)"
                : "seq " + firstSeq + " (older records were retired)";
    }
}
