package io.openrouteraudit.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** {@code record_hash = SHA-256(prev_hash as ASCII hex || canonical bytes)}, as lower-case hex. */
public final class ChainHasher {

    /** The {@code prev_hash} of the first record of a journal. */
    public static final String GENESIS = "0".repeat(64);

    private final MessageDigest sha256;

    public ChainHasher() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** Not thread-safe: one per writer or verifier, used under its lock. */
    public String hash(String prevHash, byte[] canonical) {
        sha256.reset();
        sha256.update(prevHash.getBytes(StandardCharsets.US_ASCII));
        sha256.update(canonical);
        return HexFormat.of().formatHex(sha256.digest());
    }
}
