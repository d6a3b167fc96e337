package io.openrouteraudit.pipeline;

import io.openrouteraudit.diag.AgentLog;
import io.openrouteraudit.redact.HashKeyStore;
import io.openrouteraudit.redact.KeyedHasher;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.function.Supplier;

/**
 * The HMAC key, resolved on first use (it may mean creating a file) rather than at start-up.
 * If neither the environment nor the key file can give one, hashes still get made with a key
 * of this process only, and the operator is told once that they will not match across runs.
 */
public final class HashKeySupplier implements Supplier<KeyedHasher> {

    private final String envKey;
    private final Path keyFile;
    private final AgentLog log;
    private volatile KeyedHasher hasher;

    public HashKeySupplier(String envKey, Path keyFile, AgentLog log) {
        this.envKey = envKey;
        this.keyFile = keyFile;
        this.log = log;
    }

    @Override
    public KeyedHasher get() {
        KeyedHasher h = hasher;
        if (h == null) {
            synchronized (this) {
                h = hasher;
                if (h == null) {
                    h = new KeyedHasher(resolve());
                    hasher = h;
                }
            }
        }
        return h;
    }

    private byte[] resolve() {
        try {
            return HashKeyStore.resolve(envKey, keyFile);
        } catch (Exception e) {
            log.error("no HMAC key (" + e.getMessage() + "); hashes of this run use a temporary key"
                    + " and will not match other runs", null);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return key;
        }
    }
}
