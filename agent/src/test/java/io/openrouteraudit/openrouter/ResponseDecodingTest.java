package io.openrouteraudit.openrouter;

import static io.openrouteraudit.openrouter.Fixtures.events;
import static io.openrouteraudit.openrouter.Fixtures.gzip;
import static io.openrouteraudit.openrouter.Fixtures.resource;
import static io.openrouteraudit.openrouter.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

class ResponseDecodingTest {

    private final ResponseParser parser = new ResponseParser();

    private static byte[] deflate(byte[] plain, boolean zlibWrapped) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, new Deflater(6, !zlibWrapped))) {
            out.write(plain);
        }
        return bytes.toByteArray();
    }

    @Test
    void gzipBodyIsInflatedForParsing() {
        byte[] body = gzip(resource("chat-nonstream.json"));
        ResponseFacts f = parser.parse(body, 0, body.length, "application/json", "gzip");
        assertEquals("gen-1766107352-qwhPp17HeXK7ivKFmPFa", f.generationId());
        assertEquals(826L, f.reasoningTokens());
        assertFalse(f.parseError());
    }

    @Test
    void gzipMagicIsSniffedWithoutAContentEncoding() {
        byte[] body = gzip(resource("chat-nonstream.json"));
        assertEquals("Google", parser.parse(body, 0, body.length, "application/json", null).provider());
    }

    @Test
    void gzipHeaderOnAnAlreadyDecodedBodyIsTolerated() {
        byte[] body = resource("chat-nonstream.json");
        ResponseFacts f = parser.parse(body, 0, body.length, "application/json", "gzip");
        assertEquals("Google", f.provider());
        assertFalse(f.parseError());
    }

    @Test
    void deflateBodyIsInflatedWhetherZlibWrappedOrRaw() throws Exception {
        byte[] plain = resource("chat-nonstream.json");
        for (boolean wrapped : new boolean[] {true, false}) {
            byte[] body = deflate(plain, wrapped);
            ResponseFacts f = parser.parse(body, 0, body.length, "application/json", "deflate");
            assertEquals(1067L, f.completionTokens(), "zlib-wrapped=" + wrapped);
            assertFalse(f.parseError());
        }
    }

    @Test
    void unknownEncodingIsAParseError() {
        byte[] body = resource("chat-nonstream.json");
        ResponseFacts f = parser.parse(body, 0, body.length, "application/json", "br");
        assertTrue(f.parseError());
        assertNull(f.generationId());
    }

    @Test
    void corruptGzipIsAParseError() {
        byte[] body = gzip(resource("chat-nonstream.json"));
        for (int i = 12; i < body.length - 8; i++) {
            body[i] = (byte) 0xFF;
        }
        assertTrue(parser.parse(body, 0, body.length, "application/json", "gzip").parseError());
    }

    @Test
    void gzipBombIsBoundedToEightMiBAndParsedAsATruncatedPrefix() {
        byte[] plain = new byte[64 * 1024 * 1024];
        Arrays.fill(plain, (byte) ' ');
        byte[] prefix = utf8("{\"id\":\"gen-bomb\",\"pad\":\"");
        System.arraycopy(prefix, 0, plain, 0, prefix.length);
        byte[] body = gzip(plain);
        assertTrue(body.length < 1024 * 1024);
        DecodedBody decoded = BodyDecoder.decode(body, 0, body.length, "gzip");
        assertEquals(BodyDecoder.MIN_OUTPUT_LIMIT, decoded.length);
        ResponseFacts f = parser.parse(body, 0, body.length, "application/json", "gzip");
        assertEquals("gen-bomb", f.generationId());
        assertTrue(f.parseError());
    }

    @Test
    void concatenatedGzipMembersAreAllInflated() {
        byte[] a = gzip(utf8("{\"id\":\"gen-multi\","));
        byte[] b = gzip(utf8("\"model\":\"m\"}"));
        byte[] body = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, body, a.length, b.length);
        ResponseFacts f = parser.parse(body, 0, body.length, "application/json", "gzip");
        assertEquals("m", f.modelUsed());
        assertFalse(f.parseError());
    }

    @Test
    void gzipStreamCutInTheMiddleStillYieldsEarlierEvents() {
        StringBuilder sse = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            sse.append(events("{\"id\":\"gen-z\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"w" + i + "\"}}]}"));
        }
        byte[] body = gzip(utf8(sse.toString()));
        int cut = body.length / 2;
        ResponseFacts f = parser.parse(body, 0, cut, "text/event-stream", "gzip");
        assertEquals("gen-z", f.generationId());
        assertTrue(f.completionText().startsWith("w0w1w2"));
        assertTrue(f.stream());
    }

    @Test
    void firstContentOffsetOfAGzipStreamPointsIntoTheCompressedBytes() {
        StringBuilder sse = new StringBuilder(": OPENROUTER PROCESSING\n\n".repeat(2000));
        sse.append(events("{\"id\":\"gen-g\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"first\"}}]}"));
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 300; i++) {
            sse.append(events("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + Long.toHexString(random.nextLong()) + "\"}}]}"));
        }
        byte[] body = gzip(utf8(sse.toString()));
        ResponseFacts f = parser.parse(body, 0, body.length, "text/event-stream", "gzip");
        assertTrue(f.firstContentEndOffset() > 0, "offset " + f.firstContentEndOffset());
        assertTrue(f.firstContentEndOffset() < body.length, "offset within compressed body");
        // The first event must be decodable from the compressed prefix up to the reported offset.
        ResponseFacts prefix = parser.parse(body, 0, (int) f.firstContentEndOffset(), "text/event-stream", "gzip");
        assertTrue(prefix.completionText() != null && prefix.completionText().startsWith("first"));
    }
}
