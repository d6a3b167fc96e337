package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The privacy scan finds a secret in any of the three encodings, wherever it sits in the bytes. */
class BytesThatLeftTest {

    private static final String SECRET = "4111 1111 1111 1111";

    @Test
    void findsASecretStoredAsUtf16InsideOtherBytes() {
        byte[] utf16 = ("xx" + SECRET + "yy").getBytes(StandardCharsets.UTF_16LE);
        byte[] padded = new byte[utf16.length + 3];
        System.arraycopy(utf16, 0, padded, 3, utf16.length);
        List<String> found = new BytesThatLeft().add("queue file", padded).findings(List.of(SECRET));
        // ASCII in UTF-16LE after a zero byte also reads as UTF-16BE shifted by one: both are reported.
        assertTrue(found.stream().anyMatch(f -> f.contains("UTF-16LE") && f.contains("queue file")), found::toString);
        assertTrue(found.stream().noneMatch(f -> f.contains("UTF-8")), found::toString);
    }

    @Test
    void findsUtf8AndBigEndianUtf16InDifferentSources() {
        BytesThatLeft scan = new BytesThatLeft().addText("stderr", "card " + SECRET)
                .add("otlp body", SECRET.getBytes(StandardCharsets.UTF_16BE));
        assertEquals(2, scan.findings(List.of(SECRET)).size());
    }

    @Test
    void aRedactedTextHasNoFinding() {
        BytesThatLeft scan = new BytesThatLeft().addText("export", "{\"prompt\":\"card [CARD]\"}");
        assertEquals(List.of(), scan.findings(List.of(SECRET)));
    }
}
