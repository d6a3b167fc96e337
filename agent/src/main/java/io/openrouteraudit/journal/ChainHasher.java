package io.openrouteraudit.journal;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** {@code record_hash = SHA-256(prev_hash as ASCII hex || canonical bytes)}, as lower-case hex. */
public final class ChainHasher {

    /** The {@code prev_hash} of the first record of a journal. */
    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final int DIGEST_LENGTH = 32;

    private final MessageDigest sha256;
    private final byte[] digest = new byte[DIGEST_LENGTH];

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
        return HEX.formatHex(sha256.digest());
    }

    /**
     * The same hash, allocation-free, for canonical bytes given as an unclosed prefix ({@code
     * prefix[0..length)}) whose closing {@code '}'} is implied - what the journal writer has in
     * its line buffer - written as 64 lower-case hex digits into {@code hexOut}.
     */
    void hashClosed(byte[] prevHashAscii, byte[] prefix, int length, byte[] hexOut) {
        sha256.reset();
        sha256.update(prevHashAscii);
        sha256.update(prefix, 0, length);
        sha256.update((byte) '}');
        try {
            sha256.digest(digest, 0, DIGEST_LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 digest of " + DIGEST_LENGTH + " bytes", e);
        }
        for (int i = 0; i < DIGEST_LENGTH; i++) {
            hexOut[2 * i] = HEX_DIGITS[(digest[i] >> 4) & 0xF];
            hexOut[2 * i + 1] = HEX_DIGITS[digest[i] & 0xF];
        }
    }
}
