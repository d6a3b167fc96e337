package io.openrouteraudit.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** {@code record_hash = SHA-256(prev_hash as ASCII hex || canonical bytes)}, as lower-case hex. */
public final class ChainHasher {

    /** The {@code prev_hash} of the first record of a journal. */
    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest sha256;
    private final byte[] prevHashAscii = new byte[64];

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

    /** A 64-char ASCII hash into the reused array; false (the general path) for anything else. */
    private boolean copyAscii(String hash) {
        if (hash.length() != prevHashAscii.length) {
            return false;
        }
        for (int i = 0; i < prevHashAscii.length; i++) {
            char c = hash.charAt(i);
            if (c >= 0x80) {
                return false;
            }
            prevHashAscii[i] = (byte) c;
        }
        return true;
    }

    /**
     * The same hash for canonical bytes given as an unclosed prefix ({@code prefix[0..length)})
     * whose closing {@code '}'} is implied: what the journal writer has in its line buffer.
     */
    public String hashClosed(String prevHash, byte[] prefix, int length) {
        sha256.reset();
        if (copyAscii(prevHash)) {
            sha256.update(prevHashAscii);
        } else {
            sha256.update(prevHash.getBytes(StandardCharsets.US_ASCII));
        }
        sha256.update(prefix, 0, length);
        sha256.update((byte) '}');
        return HEX.formatHex(sha256.digest());
    }
}
