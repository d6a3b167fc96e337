package io.openrouteraudit.redact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Finds the HMAC key for {@link KeyedHasher}: from {@code OPENROUTER_AUDIT_HASH_KEY} when set,
 * else from the key file, which is created once at random when missing.
 *
 * <p>The key decides which hashes match across runs and processes, so creation must never let
 * two processes end up with different keys, and no reader may see a half-written file. The key
 * is written to a temporary file in the same directory and then published under the final name
 * with a hard link, which atomically fails if the name exists; the file on disk is then read
 * back, so the loser of a race uses the winner's key. (An atomic rename alone would not do: on
 * POSIX it silently replaces an existing file, so racing processes could each keep their own key.
 * It is only the fallback where hard links are unsupported.)
 *
 * <p>On POSIX file systems the file is created {@code rw-------} and missing parent directories
 * {@code rwx------}; elsewhere the file system's defaults apply. Error messages name the file or
 * the variable and the reason, never key bytes.
 */
public final class HashKeyStore {

    /** Bytes of a newly created key: SHA-256's output size, the key size RFC 2104 recommends. */
    static final int NEW_KEY_BYTES = 32;
    private static final int MAX_FILE_BYTES = 4096;
    private static final String ENV = "OPENROUTER_AUDIT_HASH_KEY";
    private static final String OWNER_ONLY_FILE = "rw-------";
    private static final String OWNER_ONLY_DIR = "rwx------";

    private HashKeyStore() {
    }

    /**
     * @param envValue the value of {@code OPENROUTER_AUDIT_HASH_KEY}, or null/blank when unset: hex
     *                 (at least 32 hex characters), base64, or otherwise its UTF-8 bytes; at least 16 bytes
     * @param keyFile  the key file: raw bytes (32 when created here) or hex text
     * @return the key; a new array the caller owns
     * @throws IOException when the key is too short or the file cannot be read or created
     */
    public static byte[] resolve(String envValue, Path keyFile) throws IOException {
        if (envValue != null && !envValue.isBlank()) {
            return KeyEncoding.decodeEnvironmentValue(envValue.trim(), ENV);
        }
        if (keyFile == null) {
            throw new IOException("no hash key: " + ENV + " is not set and no hash key file is configured");
        }
        byte[] existing = readIfPresent(keyFile);
        return existing != null ? existing : create(keyFile);
    }

    /** The key in {@code keyFile}, or null when there is no such file. */
    private static byte[] readIfPresent(Path keyFile) throws IOException {
        byte[] content;
        try (InputStream in = Files.newInputStream(keyFile)) {
            content = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new IOException("cannot read hash key file " + keyFile + ": " + describe(e), e);
        }
        try {
            if (content.length > MAX_FILE_BYTES) {
                throw new IOException("hash key file " + keyFile + " is not a key file: larger than "
                        + MAX_FILE_BYTES + " bytes");
            }
            return KeyEncoding.decodeFileContent(content, "hash key file " + keyFile);
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    private static byte[] create(Path keyFile) throws IOException {
        Path dir = keyFile.toAbsolutePath().getParent();
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        Path temp = null;
        byte[] key = new byte[NEW_KEY_BYTES];
        try {
            Files.createDirectories(dir, permissions(posix, OWNER_ONLY_DIR));
            new SecureRandom().nextBytes(key);
            temp = Files.createTempFile(dir, ".hash.key-", ".tmp", permissions(posix, OWNER_ONLY_FILE));
            writeDurably(temp, key);
            publish(temp, keyFile);
        } catch (IOException e) {
            throw new IOException("cannot create hash key file " + keyFile + ": " + describe(e), e);
        } finally {
            Arrays.fill(key, (byte) 0);
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
        // Ours or, if another process published first, theirs: the file is the one source of truth.
        byte[] published = readIfPresent(keyFile);
        if (published == null) {
            throw new IOException("cannot create hash key file " + keyFile + ": it was removed while being created");
        }
        return published;
    }

    /** Makes {@code temp} visible as {@code keyFile} unless that name is already taken. */
    private static void publish(Path temp, Path keyFile) throws IOException {
        try {
            Files.createLink(keyFile, temp);
        } catch (FileAlreadyExistsException e) {
            // Another process won the race; the caller reads its key.
        } catch (UnsupportedOperationException | FileSystemException e) {
            // No hard links on this file system (some network or FAT mounts). A rename is still
            // atomic for readers; only the check-then-rename window below is racy.
            if (Files.notExists(keyFile)) {
                try {
                    Files.move(temp, keyFile, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException raced) {
                    // Another process won the race.
                }
            }
        }
    }

    private static void writeDurably(Path file, byte[] key) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(key);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true); // a key already used for hashes must survive a crash
        }
    }

    private static FileAttribute<?>[] permissions(boolean posix, String permissions) {
        return posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
                : new FileAttribute<?>[0];
    }

    private static String describe(IOException e) {
        String reason = e.getClass().getSimpleName();
        return e.getMessage() == null ? reason : reason + " (" + e.getMessage() + ")";
    }
}
