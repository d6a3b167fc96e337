package io.openrouteraudit.redact;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 identifiers for prompts, completions and API keys: equal inputs give equal ids
 * within one key, and without the key nobody can test a guessed prompt or key against them.
 *
 * <p>Thread-safe. A {@link Mac} is stateful, so each call works on a clone of a prototype that
 * was initialised once with the key. A {@code ThreadLocal<Mac>} would save the clone, but this
 * class runs inside the application: a thread local planted in the application's pooled threads
 * would keep the agent's class loader and a copy of the key alive for as long as those threads
 * live. Cloning an initialised HMAC is cheap (it copies two digest states).
 */
public final class KeyedHasher {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int FINGERPRINT_HEX_CHARS = 12;
    private static final HexFormat HEX = HexFormat.of();

    private final SecretKeySpec key;
    private final Mac prototype;
    // An application sends the same API key on call after call: its fingerprint is worked out
    // once. The secret held here is the one the application itself holds for its next call.
    private volatile Fingerprinted lastFingerprint;

    /** @param key the HMAC key, at least one byte; copied, so the caller may wipe its array */
    public KeyedHasher(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length == 0) {
            throw new IllegalArgumentException("HMAC key must not be empty");
        }
        this.key = new SecretKeySpec(key, ALGORITHM); // copies the array
        this.prototype = newMac(this.key);
    }

    /** Lowercase hex (64 characters) of HMAC-SHA256 over {@code data[off, off + len)}. */
    public String hmacHex(byte[] data, int off, int len) {
        Objects.checkFromIndexSize(off, len, Objects.requireNonNull(data, "data").length);
        Mac mac = mac();
        mac.update(data, off, len);
        return HEX.formatHex(mac.doFinal());
    }

    /** Lowercase hex (64 characters) of HMAC-SHA256 over the UTF-8 bytes of {@code utf8Text}. */
    public String hmacHex(String utf8Text) {
        byte[] bytes = Objects.requireNonNull(utf8Text, "utf8Text").getBytes(StandardCharsets.UTF_8);
        return hmacHex(bytes, 0, bytes.length);
    }

    /** The first 12 hex characters of {@link #hmacHex(String)}: enough to tell keys apart, useless to recover one. */
    public String fingerprint(String secret) {
        Fingerprinted last = lastFingerprint;
        if (last != null && last.secret().equals(secret)) {
            return last.fingerprint();
        }
        String fingerprint = hmacHex(secret).substring(0, FINGERPRINT_HEX_CHARS);
        lastFingerprint = new Fingerprinted(secret, fingerprint);
        return fingerprint;
    }

    @Override
    public String toString() {
        return "KeyedHasher[" + ALGORITHM + "]"; // never the key
    }

    private record Fingerprinted(String secret, String fingerprint) {
        @Override
        public String toString() {
            return "Fingerprinted[" + fingerprint + "]"; // never the secret
        }
    }

    private Mac mac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return newMac(key); // a provider without clone support: slower, still correct
        }
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            // Every Java SE runtime must provide HmacSHA256; reaching this means a broken JDK.
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }
}
