package io.openrouteraudit.journal;

import java.nio.charset.StandardCharsets;

/**
 * A stored record: the canonical object text plus {@code ,"record_hash":"<64 hex>"}}.
 * Splits it back into what was hashed and the hash, without re-serialising anything.
 */
public final class JournalLine {

    static final String HASH_KEY = ",\"record_hash\":\"";
    static final String LINE_END = "\"}";
    private static final int SUFFIX_LENGTH = HASH_KEY.length() + 64 + 2;

    private JournalLine() {
    }

    /** The stored line for a canonical prefix (an object not yet closed) and its hash. */
    static String compose(String canonicalPrefix, String recordHash) {
        return canonicalPrefix + HASH_KEY + recordHash + LINE_END;
    }

    /** The bytes the hash covers: the line without its {@code record_hash} member, closed. */
    static byte[] canonicalBytes(String canonicalPrefix) {
        return (canonicalPrefix + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical prefix of a stored line, or {@code null} when the line is not one of ours. */
    public static String canonicalPrefixOf(String line) {
        if (line.length() < SUFFIX_LENGTH || !line.endsWith("\"}")) {
            return null;
        }
        int keyAt = line.length() - SUFFIX_LENGTH;
        if (!line.startsWith(HASH_KEY, keyAt)) {
            return null;
        }
        return line.substring(0, keyAt);
    }

    /** The {@code record_hash} of a stored line, or {@code null}. */
    public static String recordHashOf(String line) {
        String prefix = canonicalPrefixOf(line);
        return prefix == null ? null : line.substring(prefix.length() + HASH_KEY.length(), line.length() - 2);
    }
}
