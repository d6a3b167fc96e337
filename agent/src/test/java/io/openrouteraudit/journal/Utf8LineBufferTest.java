package io.openrouteraudit.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8LineBufferTest {

    @Test
    void encodesLikeStringGetBytesIncludingLoneSurrogates() {
        String[] samples = {"", "plain ascii {\"a\":1}", "caf\u00e9 \u00fc\u00df", "\u20ac \u4e2d\u6587",
            "emoji \ud83d\ude00 end", "lone high \ud83d then text", "lone low \ude00", "ends on high \ud83d",
            "\ude00\ud83d reversed pair"};
        for (String sample : samples) {
            assertEncodedAsJdkDoes(sample);
        }
        Random random = new Random(7);
        for (int n = 0; n < 500; n++) {
            char[] chars = new char[random.nextInt(40)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = (char) random.nextInt(0x10000);
            }
            assertEncodedAsJdkDoes(new String(chars));
        }
    }

    @Test
    void appendsAfterWhatIsThereAndGrowsPastItsInitialCapacity() {
        Utf8LineBuffer buffer = new Utf8LineBuffer(4);
        buffer.append("{\"k\":\"").append("\u00e9".repeat(100)).append("\"}");
        byte[] expected = ("{\"k\":\"" + "\u00e9".repeat(100) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expected, Arrays.copyOf(buffer.bytes(), buffer.length()));
        buffer.clear();
        assertEquals(0, buffer.append("").length());
    }

    @Test
    void hashOfAnImpliedClosingBraceIsTheHashOfTheClosedText() {
        ChainHasher hasher = new ChainHasher();
        byte[] prefix = "{\"seq\":1,\"prompt\":\"caf\u00e9\"".getBytes(StandardCharsets.UTF_8);
        byte[] closed = "{\"seq\":1,\"prompt\":\"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        byte[] padded = Arrays.copyOf(prefix, prefix.length + 10);
        byte[] hex = new byte[64];
        hasher.hashClosed(ChainHasher.GENESIS.getBytes(StandardCharsets.US_ASCII), padded, prefix.length, hex);
        assertEquals(hasher.hash(ChainHasher.GENESIS, closed), new String(hex, StandardCharsets.US_ASCII));
        hasher.hashClosed("not-a-hash-\u00e9".getBytes(StandardCharsets.US_ASCII), padded, prefix.length, hex);
        assertEquals(hasher.hash("not-a-hash-\u00e9", closed), new String(hex, StandardCharsets.US_ASCII));
    }

    @Test
    void writesLongsAsLongToStringDoes() {
        long[] samples = {0, 1, -1, 9, 10, 99, 100, 1234567890123L, -987654321L, Long.MAX_VALUE, Long.MIN_VALUE,
            Long.MIN_VALUE + 1, Integer.MAX_VALUE, Integer.MIN_VALUE};
        Utf8LineBuffer buffer = new Utf8LineBuffer(1);
        StringBuilder expected = new StringBuilder();
        for (long sample : samples) {
            buffer.decimal(sample).ascii(',');
            expected.append(sample).append(',');
        }
        assertEquals(expected.toString(), new String(buffer.bytes(), 0, buffer.length(), StandardCharsets.US_ASCII));
    }

    @Test
    void encodesARangeOfAStringAsItsSubstringWouldBeEncodedAlone() {
        String text = "ab\ud83d\ude00cd\u00e9";
        for (int start = 0; start <= text.length(); start++) {
            for (int end = start; end <= text.length(); end++) {
                Utf8LineBuffer buffer = new Utf8LineBuffer(1);
                buffer.append(text, start, end);
                assertArrayEquals(text.substring(start, end).getBytes(StandardCharsets.UTF_8),
                        Arrays.copyOf(buffer.bytes(), buffer.length()), start + ".." + end);
            }
        }
    }

    private static void assertEncodedAsJdkDoes(String text) {
        Utf8LineBuffer buffer = new Utf8LineBuffer(1);
        buffer.append(text);
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), Arrays.copyOf(buffer.bytes(), buffer.length()), text);
    }
}
