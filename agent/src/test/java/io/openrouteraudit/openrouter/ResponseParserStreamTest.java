package io.openrouteraudit.openrouter;

import static io.openrouteraudit.openrouter.Fixtures.events;
import static io.openrouteraudit.openrouter.Fixtures.resource;
import static io.openrouteraudit.openrouter.Fixtures.sse;
import static io.openrouteraudit.openrouter.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseParserStreamTest {

    private static final String MIDSTREAM_ERROR = "{\"id\":\"gen-abc123\",\"object\":\"chat.completion.chunk\","
            + "\"model\":\"openai/gpt-4o\",\"provider\":\"OpenAI\",\"error\":{\"code\":429,\"message\":\"Rate limit exceeded\","
            + "\"metadata\":{\"error_type\":\"rate_limit_exceeded\"}},\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"},"
            + "\"finish_reason\":\"error\"}]}";

    private static String chunk(String content, String finish) {
        return "{\"id\":\"gen-s\",\"provider\":\"P\",\"model\":\"m\",\"object\":\"chat.completion.chunk\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":" + (content == null ? "null" : "\"" + content + "\"")
                + "},\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"") + "}]}";
    }

    @Test
    void usageInAChunkWithAnEmptyDeltaChoiceIsRead() {
        ResponseFacts f = sse(resource("stream-usage-in-last-choice.sse"));
        assertTrue(f.stream());
        assertEquals("gen-1756749262-liysSWPMM37eb25U5gXO", f.generationId());
        assertEquals("WandB", f.provider());
        assertEquals("deepseek/deepseek-chat-v3.1", f.modelUsed());
        assertEquals("stop", f.finishReason()); // the later null finish_reason does not erase it
        assertEquals(33L, f.promptTokens());
        assertEquals(8L, f.completionTokens());
        assertEquals(0.0000310365, f.totalCost());
        assertEquals(" Madrid.", f.completionText());
        assertFalse(f.parseError());
    }

    @Test
    void usageInAFinalChunkWithNoChoicesIsReadAndKeepAlivesAreSkipped() {
        byte[] body = resource("stream-usage-in-empty-choices.sse");
        ResponseFacts f = sse(body);
        assertEquals("gen-1766107400-AbCdEfGhIjKlMnOpQrSt", f.generationId());
        assertEquals("The capital is Paris.", f.completionText());
        assertEquals("stop", f.finishReason());
        assertEquals(12L, f.promptTokens());
        assertEquals(5L, f.completionTokens());
        assertEquals(0L, f.reasoningTokens());
        assertEquals(4L, f.cachedTokens());
        assertEquals(0.0000795, f.totalCost());
        assertFalse(f.parseError());
        String text = new String(body, StandardCharsets.UTF_8);
        int firstContent = text.indexOf("\"The capital\"");
        assertEquals(text.indexOf("\n\n", firstContent) + 2, f.firstContentEndOffset());
    }

    @Test
    void midStreamErrorWithoutDoneSetsErrorAndFinishReason() {
        ResponseFacts f = sse(resource("stream-midstream-error.sse"));
        assertEquals("429", f.errorCode());
        assertEquals("Rate limit exceeded", f.errorMessage());
        assertEquals("error", f.finishReason());
        assertEquals("Hello", f.completionText());
        assertEquals("gen-abc123", f.generationId());
        assertFalse(f.parseError());
    }

    @Test
    void midStreamErrorFollowedByDoneIsTheSame() {
        ResponseFacts f = sse(events(chunk("Hi", null), MIDSTREAM_ERROR, "[DONE]"));
        assertEquals("429", f.errorCode());
        assertEquals("Rate limit exceeded", f.errorMessage());
        assertEquals("error", f.finishReason());
        assertEquals("Hi", f.completionText());
    }

    @Test
    void errorEventWithoutChoicesStillEndsWithFinishReasonError() {
        ResponseFacts f = sse(events(chunk("Hi", null), "{\"error\":{\"code\":502,\"message\":\"upstream\"}}"));
        assertEquals("502", f.errorCode());
        assertEquals("error", f.finishReason());
    }

    @Test
    void crLfLineEndingsAreHandled() {
        String body = "data: " + chunk("Hel", null) + "\r\n\r\n: OPENROUTER PROCESSING\r\n\r\n"
                + "data: " + chunk("lo", "stop") + "\r\n\r\ndata: [DONE]\r\n\r\n";
        ResponseFacts f = sse(body);
        assertEquals("Hello", f.completionText());
        assertEquals("stop", f.finishReason());
        assertEquals(body.indexOf("\r\n\r\n") + 4, f.firstContentEndOffset());
        assertFalse(f.parseError());
    }

    @Test
    void streamCutMidEventKeepsEarlierFactsAndFlagsTheBrokenEvent() {
        String whole = events(chunk("Par", null), chunk("is", null));
        String cut = whole.substring(0, whole.length() - 20);
        ResponseFacts f = sse(cut);
        assertEquals("Par", f.completionText());
        assertEquals("gen-s", f.generationId());
        assertNull(f.finishReason());
        assertNull(f.promptTokens());
        assertTrue(f.parseError());
    }

    @Test
    void finalCompleteEventWithoutBlankLineIsStillRead() {
        String body = "data: " + chunk("A", null) + "\n\ndata: " + chunk("B", "stop");
        ResponseFacts f = sse(body);
        assertEquals("AB", f.completionText());
        assertEquals("stop", f.finishReason());
        assertFalse(f.parseError());
    }

    @Test
    void multiLineDataIsJoinedIntoOneJsonDocument() {
        String body = "data: {\"id\":\"gen-ml\",\"model\":\"m\",\ndata: \"choices\":[{\"index\":0,\ndata: \"delta\":{\"content\":\"x\"}}]}\n\n"
                + "data: [DONE]\n\n";
        ResponseFacts f = sse(body);
        assertEquals("gen-ml", f.generationId());
        assertEquals("x", f.completionText());
        assertFalse(f.parseError());
    }

    @Test
    void twoHundredChunkStreamConcatenatesInOrder() {
        StringBuilder body = new StringBuilder(": OPENROUTER PROCESSING\n\n");
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            body.append(events(chunk("t" + i + " ", i == 199 ? "length" : null)));
            expected.append('t').append(i).append(' ');
        }
        body.append(events("{\"id\":\"gen-s\",\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":200,\"cost\":0.002}}",
                "[DONE]"));
        ResponseFacts f = sse(body.toString());
        assertEquals(expected.toString(), f.completionText());
        assertEquals("length", f.finishReason());
        assertEquals(200L, f.completionTokens());
        assertEquals(0.002, f.totalCost());
        assertEquals(body.indexOf("\n\n", body.indexOf("\"t0 \"")) + 2, f.firstContentEndOffset());
    }

    @Test
    void identityComesFromTheFirstChunkThatHasIt() {
        ResponseFacts f = sse(events("{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}}]}",
                "{\"id\":\"gen-first\",\"model\":\"m1\",\"provider\":\"P1\",\"choices\":[]}",
                "{\"id\":\"gen-second\",\"model\":\"m2\",\"provider\":\"P2\",\"choices\":[]}"));
        assertEquals("gen-first", f.generationId());
        assertEquals("m1", f.modelUsed());
        assertEquals("P1", f.provider());
    }

    @Test
    void identityRepeatedInAnotherShapeAfterTheFirstIsSkippedWithoutLosingTheChunk() {
        ResponseFacts f = sse(events("{\"id\":\"gen-first\",\"model\":\"m1\",\"provider\":\"P1\",\"choices\":[]}",
                "{\"id\":{\"odd\":[1,2]},\"model\":[\"m2\"],\"provider\":null,"
                        + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"},\"finish_reason\":\"stop\"}]}"));
        assertEquals("gen-first", f.generationId());
        assertEquals("m1", f.modelUsed());
        assertEquals("P1", f.provider());
        assertEquals("hi", f.completionText());
        assertEquals("stop", f.finishReason());
        assertFalse(f.parseError());
    }

    @Test
    void reasoningDeltaMarksFirstContentButIsNotCompletionText() {
        String first = "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\",\"reasoning\":\"thinking\"}}]}";
        String body = events("{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}", first,
                chunk("answer", "stop"));
        ResponseFacts f = sse(body);
        assertEquals("answer", f.completionText());
        assertEquals(body.indexOf(first) + first.length() + 2, f.firstContentEndOffset());
    }

    @Test
    void streamWithOnlyEmptyDeltasHasNoCompletionTextOrFirstContent() {
        ResponseFacts f = sse(events(chunk("", null), chunk("", "stop"), "[DONE]"));
        assertNull(f.completionText());
        assertEquals(-1L, f.firstContentEndOffset());
    }

    @Test
    void legacyCompletionStreamConcatenatesChoiceText() {
        ResponseFacts f = sse(events("{\"id\":\"gen-l\",\"choices\":[{\"index\":0,\"text\":\"Hel\",\"finish_reason\":null}]}",
                "{\"id\":\"gen-l\",\"choices\":[{\"index\":0,\"text\":\"lo\",\"finish_reason\":\"stop\"}]}"));
        assertEquals("Hello", f.completionText());
        assertEquals("stop", f.finishReason());
    }

    @Test
    void streamIsSniffedWhenContentTypeIsMissingOrWrong() {
        byte[] body = resource("stream-usage-in-last-choice.sse");
        ResponseFacts missing = new ResponseParser().parse(body, 0, body.length, null, null);
        ResponseFacts wrong = new ResponseParser().parse(body, 0, body.length, "application/json", null);
        byte[] comment = utf8("\n: OPENROUTER PROCESSING\n\n" + events(chunk("x", "stop")));
        ResponseFacts commentFirst = new ResponseParser().parse(comment, 0, comment.length, "", null);
        for (ResponseFacts f : new ResponseFacts[] {missing, wrong, commentFirst}) {
            assertTrue(f.stream());
            assertFalse(f.parseError());
        }
        assertEquals(33L, missing.promptTokens());
        assertEquals(" Madrid.", wrong.completionText());
        assertEquals("x", commentFirst.completionText());
    }

    @Test
    void jsonErrorServedAsEventStreamIsReadAsJson() {
        ResponseFacts f = sse("{\"error\":{\"code\":401,\"message\":\"No auth credentials found\"}}");
        assertEquals("401", f.errorCode());
        assertFalse(f.stream());
        assertFalse(f.parseError());
    }

    @Test
    void emptyOrCommentOnlyStreamIsAParseError() {
        assertEquals(ResponseFacts.empty(true, true), sse(""));
        ResponseFacts f = sse(": OPENROUTER PROCESSING\n\n: OPENROUTER PROCESSING\n\n");
        assertTrue(f.stream());
        assertTrue(f.parseError());
    }

    @Test
    void doneOnlyStreamIsNotAParseError() {
        ResponseFacts f = sse("data: [DONE]\n\n");
        assertTrue(f.stream());
        assertFalse(f.parseError());
        assertNull(f.completionText());
    }

    @Test
    void responsesApiStreamUsesTextDeltasAndCompletedUsage() {
        String body = "event: response.created\n" + "data: {\"type\":\"response.created\",\"response\":{\"id\":\"resp_9\",\"model\":\"openai/gpt-4o\",\"output\":[],\"usage\":null}}\n\n"
                + "event: response.output_text.delta\n" + "data: {\"type\":\"response.output_text.delta\",\"item_id\":\"msg_1\",\"delta\":\"Hi\"}\n\n"
                + "data: {\"delta\":\" there\",\"type\":\"response.output_text.delta\"}\n\n"
                + "data: {\"type\":\"response.output_text.done\",\"text\":\"Hi there\"}\n\n"
                + "data: {\"type\":\"response.completed\",\"response\":{\"id\":\"resp_9\",\"model\":\"openai/gpt-4o\","
                + "\"output\":[{\"type\":\"message\",\"content\":[{\"type\":\"output_text\",\"text\":\"Hi there\"}]}],"
                + "\"usage\":{\"input_tokens\":4,\"output_tokens\":2,\"cost\":0.00001}}}\n\n";
        ResponseFacts f = new ResponseParser().parse(utf8(body), 0, utf8(body).length, "text/event-stream", null);
        assertEquals("resp_9", f.generationId());
        assertEquals("Hi there", f.completionText());
        assertEquals(4L, f.promptTokens());
        assertEquals(2L, f.completionTokens());
        assertTrue(f.firstContentEndOffset() > 0);
    }
}
