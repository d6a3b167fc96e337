package io.openrouteraudit.journal;

import java.nio.charset.StandardCharsets;

/**
 * The last record of the chain: the next record's {@code seq - 1} and {@code prev_hash}. Kept as
 * the hash's ASCII bytes, updated in place after each of our appends, so that the append path
 * neither builds nor parses a hash string. Not thread-safe: the writer's, under its lock.
 */
final class ChainTip {

    private static final byte[] GENESIS_ASCII = ChainHasher.GENESIS.getBytes(StandardCharsets.US_ASCII);

    private long seq;
    private byte[] recordHash = GENESIS_ASCII.clone();
    // Set only when the hash came from a stored line whose text is not 64 plain hex characters
    // (a damaged or foreign record): prev_hash must then repeat that text exactly.
    private String unusualText;

    long seq() {
        return seq;
    }

    /** The hash as the chain hashes it: its US-ASCII bytes. */
    byte[] recordHashAscii() {
        return recordHash;
    }

    /** Whether {@link #recordHashAscii()} is 64 lower-case hex digits, to be written as is. */
    boolean isPlainHex() {
        return unusualText == null;
    }

    String recordHashText() {
        return unusualText != null ? unusualText : new String(recordHash, StandardCharsets.US_ASCII);
    }

    /** After our own append: {@code hexAscii} is the 64 hex digits we just hashed. */
    void set(long newSeq, byte[] hexAscii) {
        seq = newSeq;
        if (recordHash.length != hexAscii.length) {
            recordHash = new byte[hexAscii.length];
        }
        System.arraycopy(hexAscii, 0, recordHash, 0, hexAscii.length);
        unusualText = null;
    }

    /** From a stored record (another process's, or the newest at open). */
    void set(long newSeq, String hash) {
        seq = newSeq;
        recordHash = hash.getBytes(StandardCharsets.US_ASCII);
        unusualText = isLowerHex64(hash) ? null : hash;
    }

    private static boolean isLowerHex64(String hash) {
        if (hash.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = hash.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }
}
