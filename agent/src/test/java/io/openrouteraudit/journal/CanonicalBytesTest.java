package io.openrouteraudit.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openrouteraudit.audit.AuditRecord;
import io.openrouteraudit.openrouter.Routing;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The canonical bytes - and so every record_hash of every existing journal - must not change when
 * the encoder does: the expected hashes were taken from the string-building encoder this one replaced.
 */
class CanonicalBytesTest {

    private static final String[] EXPECTED = {
        "2921e3b749934442631bb113e72946833a2c93734ccf7d7f1fb4ee652283387e",
        "1283ccbe0be166288db2435472a6485f328d2078779c148fbf23ace405f8c91f",
        "9598d28cc55f3323a95868161ba41eeaa3ec3ffb5788d48009cae4f322fdf371",
        "8bdfa3b0e69748f500fa821680fce8d52e1f7feeb43e82b74de12beccc900954",
        "5ec7a5f0f9da89a8fea36ffe372cd7bd995bb2cd1ecf1fbd6d249f088b10918e",
        "1854d7609aa01d6d55fddeaa3b7a3ab843d9fe226e8c43e5204a4697a54b8b9d",
    };

    @Test
    void encodesTheSameBytesAsTheEncoderItReplaced() {
        List<AuditRecord> records = records();
        List<String> actual = new ArrayList<>();
        String prev = ChainHasher.GENESIS;
        for (int i = 0; i < records.size(); i++) {
            prev = new ChainHasher().hash(prev, closedCanonical(records.get(i), i + 1L, prev));
            actual.add(prev);
        }
        assertEquals(Arrays.asList(EXPECTED), actual);
    }

    @Test
    void theWritersReusedBuffersGiveTheSameHashes() {
        RecordEncoder encoder = new RecordEncoder();
        ChainHasher hasher = new ChainHasher();
        Utf8LineBuffer line = new Utf8LineBuffer(16);
        ChainTip tip = new ChainTip();
        byte[] hash = new byte[64];
        List<String> actual = new ArrayList<>();
        List<AuditRecord> records = records();
        for (int i = 0; i < records.size(); i++) {
            line.clear();
            encoder.encode(records.get(i), i + 1L, tip, line);
            hasher.hashClosed(tip.recordHashAscii(), line.bytes(), line.length(), hash);
            tip.set(i + 1L, hash);
            actual.add(tip.recordHashText());
        }
        assertEquals(Arrays.asList(EXPECTED), actual);
    }

    @Test
    void aPrevHashThatIsNotPlainHexIsRepeatedAndHashedAsTheOldEncoderDid() {
        AuditRecord record = TestRecords.record("gen-1", 0.5);
        String odd = "caf\u00e9-not-a-hash \"quoted\" \ud83d\ude00";
        String prefix = new RecordEncoder().canonical(record, 2, odd);
        assertEquals(true, prefix.endsWith(",\"prev_hash\":\"caf\u00e9-not-a-hash \\\"quoted\\\" \ud83d\ude00\""), prefix);
        ChainTip tip = new ChainTip();
        tip.set(1, odd);
        Utf8LineBuffer line = new Utf8LineBuffer(16);
        new RecordEncoder().encode(record, 2, tip, line);
        byte[] hash = new byte[64];
        new ChainHasher().hashClosed(tip.recordHashAscii(), line.bytes(), line.length(), hash);
        assertEquals(new ChainHasher().hash(odd, (prefix + "}").getBytes(StandardCharsets.UTF_8)),
                new String(hash, StandardCharsets.US_ASCII));
    }

    @Test
    void theStoredLineIsTheCanonicalPrefixThenTheHash() {
        AuditRecord record = TestRecords.record("gen-1", 0.000031);
        byte[] closed = closedCanonical(record, 7, ChainHasher.GENESIS);
        String prefix = new String(closed, 0, closed.length - 1, StandardCharsets.UTF_8);
        String hash = new ChainHasher().hash(ChainHasher.GENESIS, closed);
        assertEquals(prefix + ",\"record_hash\":\"" + hash + "\"}", storedLine(record, 7, ChainHasher.GENESIS));
        assertEquals(prefix, JournalLine.canonicalPrefixOf(storedLine(record, 7, ChainHasher.GENESIS)));
    }

    private static byte[] closedCanonical(AuditRecord record, long seq, String prev) {
        return (new RecordEncoder().canonical(record, seq, prev) + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static String storedLine(AuditRecord record, long seq, String prev) {
        String prefix = new RecordEncoder().canonical(record, seq, prev);
        return JournalLine.compose(prefix, new ChainHasher().hash(prev, JournalLine.canonicalBytes(prefix)));
    }

    private static List<AuditRecord> records() {
        Map<String, Integer> pii = new LinkedHashMap<>();
        pii.put("EMAIL", 2);
        pii.put("PHONE \"x\"", 0);
        String tricky = "quote\" backslash\\ nl\n cr\r tab\t nul\u0000 us\u001f del\u007f ls\u2028 ps\u2029 "
                + "caf\u00e9 \u20ac \u4e2d emoji \ud83d\ude00 lone-high \ud83d x lone-low \ude00 end-high \ud83d";
        List<AuditRecord> records = new ArrayList<>();
        records.add(TestRecords.record("gen-1", 0.000031));
        records.add(new AuditRecord(Instant.parse("1999-12-31T23:59:59.9999Z"), tricky, tricky, "POST", "/x",
                null, null, null, true, null, "error", "429", null, null, Long.MIN_VALUE, Long.MAX_VALUE, -1L,
                1.0e-7, 0L, 5L, tricky, null, null, null, null, null, pii, true, "s\ud83d",
                null, List.of("no-zdr", tricky), "t", "s", tricky, "\ud83d"));
        records.add(new AuditRecord(Instant.parse("+10000-01-01T00:00:00Z"), null, null, null, null,
                null, null, null, false, 599, null, null, null, null, null, null, null,
                123456789.125, null, null, null, null, null, null, null, null, Map.of(), false, null,
                Routing.none(), null, null, null, null, null));
        records.add(new AuditRecord(Instant.parse("2026-01-01T00:00:00Z"), "g", "c", "GET", "/", "m", "m", "p",
                false, 200, "success", null, "stop", 1L, 2L, 3L, 4L, Double.NaN, 6L, 7L, "", "", "", "", "", "",
                Map.of(), false, "", new Routing(List.of(), List.of("a"), List.of(), List.of("b", "c"), true, "allow",
                false, 0L), List.of(), "", "", "", ""));
        records.add(new AuditRecord(Instant.parse("2026-06-30T12:00:00.001Z"), "g", "c", "GET", "/", "m", "m", "p",
                false, 200, "success", null, "stop", 1L, 2L, 3L, 4L, Double.POSITIVE_INFINITY, 6L, 7L, null, null,
                null, null, null, null, Map.of(), false, null, null, null, null, null, null, null));
        records.add(new AuditRecord(Instant.parse("2026-06-30T12:00:00Z"), "g", "c", "GET", "/", "m", "m", "p",
                false, 200, "success", null, "stop", 1L, 2L, 3L, 4L, 0.1 + 0.2, 6L, 7L, null, null,
                null, null, null, null, Map.of(), false, null, null, null, null, null, "x".repeat(5000),
                "\u00e9".repeat(3000)));
        return records;
    }
}
