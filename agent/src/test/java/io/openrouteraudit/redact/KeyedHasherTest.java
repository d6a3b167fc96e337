package io.openrouteraudit.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeyedHasherTest {

    @Test
    void matchesRfc4231TestCase2() {
        KeyedHasher hasher = new KeyedHasher("Jefe".getBytes(StandardCharsets.US_ASCII));
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                hasher.hmacHex("what do ya want for nothing?"));
    }

    @Test
    void matchesRfc4231TestCase1OverAByteRange() {
        byte[] key = new byte[20];
        Arrays.fill(key, (byte) 0x0b);
        byte[] framed = "xxHi Therexx".getBytes(StandardCharsets.US_ASCII);
        assertEquals("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
                new KeyedHasher(key).hmacHex(framed, 2, 8));
    }

    @Test
    void hexIsLowercaseAnd64CharactersLong() {
        String hex = new KeyedHasher(new byte[32]).hmacHex("anything");
        assertEquals(64, hex.length());
        assertTrue(hex.matches("[0-9a-f]{64}"), hex);
    }

    @Test
    void fingerprintIsTheFirst12HexCharacters() {
        KeyedHasher hasher = new KeyedHasher(HexFormat.of().parseHex("00112233445566778899aabbccddeeff"));
        String fingerprint = hasher.fingerprint("sk-or-v1-abc");
        assertEquals(12, fingerprint.length());
        assertEquals(hasher.hmacHex("sk-or-v1-abc").substring(0, 12), fingerprint);
    }

    @Test
    void fingerprintsOfAlternatingKeysStayTheirOwnFromManyThreads() throws Exception {
        KeyedHasher hasher = new KeyedHasher(HexFormat.of().parseHex("00112233445566778899aabbccddeeff"));
        List<String> keys = List.of("sk-or-v1-aaa", "sk-or-v1-bbb", "sk-or-v1-aaa", "sk-proj-ccc", "sk-or-v1-bbb");
        List<String> expected = keys.stream().map(k -> hasher.hmacHex(k).substring(0, 12)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = pool.invokeAll(IntStream.range(0, 4).<Callable<Boolean>>mapToObj(t -> () -> {
                for (int i = 0; i < 20_000; i++) {
                    int k = (i + t) % keys.size();
                    // A new String each time: equal keys need not be the same object.
                    if (!expected.get(k).equals(hasher.fingerprint(new String(keys.get(k))))) {
                        return false;
                    }
                }
                return true;
            }).toList());
            for (Future<Boolean> result : results) {
                assertTrue(result.get(), "a fingerprint came back for another key");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void differentKeysGiveDifferentHashes() {
        assertNotEquals(new KeyedHasher(new byte[] {1}).hmacHex("prompt"), new KeyedHasher(new byte[] {2}).hmacHex("prompt"));
    }

    @Test
    void laterChangesToTheCallersKeyArrayDoNotMatter() {
        byte[] key = "Jefe".getBytes(StandardCharsets.US_ASCII);
        KeyedHasher hasher = new KeyedHasher(key);
        Arrays.fill(key, (byte) 0);
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                hasher.hmacHex("what do ya want for nothing?"));
    }

    @Test
    void rejectsEmptyKeyAndOutOfRangeSlices() {
        assertThrows(IllegalArgumentException.class, () -> new KeyedHasher(new byte[0]));
        KeyedHasher hasher = new KeyedHasher(new byte[16]);
        assertThrows(IndexOutOfBoundsException.class, () -> hasher.hmacHex(new byte[4], 2, 3));
    }

    @Test
    void toStringNeverShowsTheKey() {
        assertTrue(!new KeyedHasher("Jefe".getBytes(StandardCharsets.US_ASCII)).toString().contains("Jefe"));
    }

    @Test
    void concurrentCallersGetCorrectResults() throws Exception {
        KeyedHasher hasher = new KeyedHasher("Jefe".getBytes(StandardCharsets.US_ASCII));
        String expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> tasks = IntStream.range(0, 8).<Callable<Boolean>>mapToObj(t -> () -> {
                for (int i = 0; i < 5_000; i++) {
                    if (!hasher.hmacHex("what do ya want for nothing?").equals(expected)) {
                        return false;
                    }
                }
                return true;
            }).toList();
            for (Future<Boolean> result : pool.invokeAll(tasks)) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
