package io.openrouteraudit.journal;

/** The last record of the chain: the next record's {@code seq - 1} and {@code prev_hash}. */
record ChainTip(long seq, String recordHash) {

    static final ChainTip EMPTY = new ChainTip(0, ChainHasher.GENESIS);
}
