package io.openrouteraudit.openrouter;

import static io.openrouteraudit.openrouter.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseEventParserTest {

    private static List<String> dataOf(String body) {
        SseEventParser p = new SseEventParser(utf8(body), 0, utf8(body).length);
        List<String> out = new ArrayList<>();
        while (p.next()) {
            out.add(p.data());
        }
        return out;
    }

    @Test
    void splitsEventsOnBlankLinesAndStripsOneSpaceAfterColon() {
        assertEquals(List.of("{\"a\":1}", "{\"b\":2}", " two spaces"),
                dataOf("data: {\"a\":1}\n\ndata:{\"b\":2}\n\ndata:  two spaces\n\n"));
    }

    @Test
    void skipsCommentLinesSuchAsKeepAlives() {
        assertEquals(List.of("x", "y"),
                dataOf(": OPENROUTER PROCESSING\n\ndata: x\n: OPENROUTER PROCESSING\n\n:\n\ndata: y\n\n"));
    }

    @Test
    void handlesCrLfLineEndings() {
        assertEquals(List.of("one", "two"), dataOf("data: one\r\n\r\ndata: two\r\n\r\n"));
    }

    @Test
    void handlesBareCrLineEndings() {
        assertEquals(List.of("one", "two"), dataOf("data: one\r\rdata: two\r\r"));
    }

    @Test
    void joinsMultiLineDataWithNewline() {
        assertEquals(List.of("{\"a\":\n1}", "solo", "a\nb\nc"),
                dataOf("data: {\"a\":\ndata: 1}\n\ndata: solo\n\ndata: a\r\ndata: b\r\ndata: c\r\n\r\n"));
    }

    @Test
    void ignoresOtherFieldsAndEventsWithoutData() {
        assertEquals(List.of("payload"),
                dataOf("event: ping\nid: 7\nretry: 1000\n\nevent: message\ndata: payload\n\n"));
    }

    @Test
    void stopsAtDoneAndIgnoresWhatFollows() {
        byte[] body = utf8("data: a\n\ndata: [DONE]\n\ndata: b\n\n");
        SseEventParser p = new SseEventParser(body, 0, body.length);
        assertTrue(p.next());
        assertEquals("a", p.data());
        assertFalse(p.next());
        assertTrue(p.sawDone());
        assertFalse(p.next());
    }

    @Test
    void deliversFinalEventWithoutTrailingBlankLine() {
        byte[] body = utf8("data: a\n\ndata: {\"cut\":tr");
        SseEventParser p = new SseEventParser(body, 0, body.length);
        assertTrue(p.next());
        assertFalse(p.cut());
        assertTrue(p.next());
        assertEquals("{\"cut\":tr", p.data());
        assertTrue(p.cut());
        assertEquals(body.length, p.endOffset());
        assertFalse(p.next());
        assertFalse(p.sawDone());
    }

    @Test
    void reportsOffsetJustPastEachEventRelativeToGivenOffset() {
        byte[] framed = utf8("JUNKdata: a\n\n: keep\n\ndata: bc\r\n\r\nTAIL");
        SseEventParser p = new SseEventParser(framed, 4, framed.length - 8);
        assertTrue(p.next());
        assertEquals("a", p.data());
        assertEquals(9, p.endOffset());
        assertTrue(p.next());
        assertEquals("bc", p.data());
        assertEquals(9 + 8 + 12, p.endOffset());
        assertFalse(p.next());
    }

    @Test
    void singleLineDataIsASliceOfTheBodyNotACopy() {
        byte[] body = utf8("data: hello\n\n");
        SseEventParser p = new SseEventParser(body, 0, body.length);
        assertTrue(p.next());
        assertTrue(p.dataBuffer() == body);
        assertEquals(6, p.dataOffset());
        assertEquals(5, p.dataLength());
    }

    @Test
    void emptyOrInvalidRangeYieldsNoEvents() {
        assertEquals(List.of(), dataOf(""));
        assertFalse(new SseEventParser(null, 0, 0).next());
        assertFalse(new SseEventParser(new byte[4], 3, 5).next());
    }
}
