package io.openrouteraudit.redact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashKeyStoreTest {

    @TempDir
    Path tmp;

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    @Test
    void createsA32ByteOwnerOnlyKeyOnceAndReturnsItAgain() throws IOException {
        Path keyFile = tmp.resolve("journal/nested/hash.key");
        byte[] first = HashKeyStore.resolve(null, keyFile);
        assertEquals(32, first.length);
        assertArrayEquals(first, Files.readAllBytes(keyFile));
        assertArrayEquals(first, HashKeyStore.resolve(null, keyFile));
        assertArrayEquals(first, HashKeyStore.resolve("  ", keyFile), "a blank variable counts as unset");
        if (posix(keyFile)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile.getParent())));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("journal"))));
        }
        try (Stream<Path> files = Files.list(keyFile.getParent())) {
            assertEquals(List.of(keyFile), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void twoKeyFilesGetDifferentRandomKeys() throws IOException {
        assertFalse(java.util.Arrays.equals(HashKeyStore.resolve(null, tmp.resolve("a.key")),
                HashKeyStore.resolve(null, tmp.resolve("b.key"))));
    }

    @Test
    void concurrentFirstUsesAllEndUpWithTheSameKey() throws Exception {
        Path keyFile = tmp.resolve("race/hash.key");
        int threads = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<byte[]>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                tasks.add(() -> {
                    start.await();
                    return HashKeyStore.resolve(null, keyFile);
                });
            }
            List<Future<byte[]>> futures = new ArrayList<>();
            tasks.forEach(task -> futures.add(pool.submit(task)));
            start.countDown();
            byte[] onDisk = null;
            for (Future<byte[]> future : futures) {
                byte[] key = future.get();
                onDisk = onDisk == null ? Files.readAllBytes(keyFile) : onDisk;
                assertArrayEquals(onDisk, key);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void readsAnExistingRawOrHexKeyFile() throws IOException {
        byte[] raw = new byte[32];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) (i * 7 + 1);
        }
        Path rawFile = Files.write(tmp.resolve("raw.key"), raw);
        assertArrayEquals(raw, HashKeyStore.resolve(null, rawFile));
        Path hexFile = Files.writeString(tmp.resolve("hex.key"), HexFormat.of().formatHex(raw) + "\n");
        assertArrayEquals(raw, HashKeyStore.resolve(null, hexFile));
    }

    @Test
    void environmentValueWinsOverTheFile() throws IOException {
        Path keyFile = tmp.resolve("hash.key");
        byte[] fromFile = HashKeyStore.resolve(null, keyFile);
        byte[] expected = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        assertArrayEquals(expected, HashKeyStore.resolve(HexFormat.of().formatHex(expected), keyFile));
        assertArrayEquals(expected, HashKeyStore.resolve(Base64.getEncoder().encodeToString(expected), keyFile));
        assertArrayEquals("a long enough passphrase!".getBytes(StandardCharsets.UTF_8),
                HashKeyStore.resolve("a long enough passphrase!", keyFile));
        assertArrayEquals(fromFile, Files.readAllBytes(keyFile), "the file is left as it was");
    }

    @Test
    void environmentValueAloneNeedsNoKeyFile() throws IOException {
        assertEquals(16, HashKeyStore.resolve("0123456789abcdef0123456789abcdef", null).length);
        assertFalse(Files.exists(tmp.resolve("hash.key")));
    }

    @Test
    void tooShortEnvironmentKeyIsAnErrorThatDoesNotLeakTheKey() {
        IOException e = assertThrows(IOException.class, () -> HashKeyStore.resolve("s3cr3t", tmp.resolve("hash.key")));
        assertTrue(e.getMessage().contains("OPENROUTER_AUDIT_HASH_KEY"), e.getMessage());
        assertTrue(e.getMessage().contains("16"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("hash.key")));
    }

    @Test
    void tooShortKeyFileIsAnErrorNamingTheFile() throws IOException {
        Path keyFile = Files.writeString(tmp.resolve("short.key"), "tiny");
        IOException e = assertThrows(IOException.class, () -> HashKeyStore.resolve(null, keyFile));
        assertTrue(e.getMessage().contains(keyFile.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("tiny"), e.getMessage());
    }

    @Test
    void unreadableOrUncreatableKeyFileIsAnErrorNamingTheFile() throws IOException {
        Path notADirectory = Files.writeString(tmp.resolve("file"), "x");
        Path keyFile = notADirectory.resolve("hash.key");
        IOException e = assertThrows(IOException.class, () -> HashKeyStore.resolve(null, keyFile));
        assertTrue(e.getMessage().contains(keyFile.toString()), e.getMessage());
    }

    @Test
    void keyPathThatIsADirectoryIsAnErrorNamingTheFile() throws IOException {
        // Root ignores permission bits, so "cannot be read" is made with a directory in its place.
        Path keyFile = Files.createDirectory(tmp.resolve("hash.key"));
        IOException e = assertThrows(IOException.class, () -> HashKeyStore.resolve(null, keyFile));
        assertTrue(e.getMessage().contains(keyFile.toString()), e.getMessage());
    }
}
