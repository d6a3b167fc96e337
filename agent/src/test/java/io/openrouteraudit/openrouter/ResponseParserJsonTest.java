package io.openrouteraudit.openrouter;

import static io.openrouteraudit.openrouter.Fixtures.json;
import static io.openrouteraudit.openrouter.Fixtures.resource;
import static io.openrouteraudit.openrouter.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseParserJsonTest {

    @Test
    void readsEveryFactOfTheDocumentedChatCompletion() {
        ResponseFacts f = json(resource("chat-nonstream.json"));
        assertEquals("gen-1766107352-qwhPp17HeXK7ivKFmPFa", f.generationId());
        assertEquals("google/gemini-3-flash-preview", f.modelUsed());
        assertEquals("Google", f.provider());
        assertEquals("stop", f.finishReason());
        assertEquals(18L, f.promptTokens());
        assertEquals(1067L, f.completionTokens());
        assertEquals(826L, f.reasoningTokens());
        assertEquals(0L, f.cachedTokens());
        assertEquals(0.00321, f.totalCost());
        assertEquals("...", f.completionText());
        assertNull(f.errorCode());
        assertNull(f.errorMessage());
        assertFalse(f.stream());
        assertEquals(-1L, f.firstContentEndOffset());
        assertFalse(f.parseError());
    }

    @Test
    void fallbackReportsTheModelThatServedNotTheOneRequested() {
        RequestFacts req = Fixtures.request(
                "{\"models\":[\"anthropic/claude-3.5-sonnet\",\"openai/gpt-4o\"],"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        ResponseFacts res = json("{\"id\":\"gen-1\",\"model\":\"openai/gpt-4o\",\"provider\":\"OpenAI\","
                + "\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":\"hello\"}}]}");
        assertEquals("anthropic/claude-3.5-sonnet", req.model());
        assertEquals("openai/gpt-4o", res.modelUsed());
        assertEquals("OpenAI", res.provider());
    }

    @Test
    void legacyCompletionTextComesFromChoicesText() {
        ResponseFacts f = json("{\"id\":\"gen-2\",\"model\":\"openai/gpt-3.5-turbo-instruct\",\"object\":\"text_completion\","
                + "\"choices\":[{\"text\":\" Paris.\",\"index\":0,\"finish_reason\":\"length\"}],"
                + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"cost\":0}}");
        assertEquals(" Paris.", f.completionText());
        assertEquals("length", f.finishReason());
        assertEquals(0.0, f.totalCost());
        assertEquals(2L, f.completionTokens());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"error\":{\"code\":402,\"message\":\"Insufficient credits\",\"metadata\":{}}}|402|Insufficient credits",
        "{\"error\":{\"code\":429,\"message\":\"Rate limited\"},\"user_id\":\"u1\"}|429|Rate limited",
        "{\"error\":{\"message\":\"Internal Server Error\",\"code\":500}}|500|Internal Server Error",
        "{\"error\":{\"code\":\"502\",\"message\":\"Provider returned error\",\"metadata\":{\"provider_name\":\"X\",\"raw\":{\"a\":[1]}}}}|502|Provider returned error",
        "{\"error\":{\"code\":503.0,\"message\":\"No endpoints\"}}|503|No endpoints",
    })
    void errorBodiesGiveCodeAsTextAndMessage(String body, String code, String message) {
        ResponseFacts f = json(body);
        assertEquals(code, f.errorCode());
        assertEquals(message, f.errorMessage());
        assertNull(f.finishReason());
        assertNull(f.completionText());
        assertFalse(f.parseError());
    }

    @Test
    void http200ProviderFailureTakesErrorFromFirstChoice() {
        ResponseFacts f = json("{\"id\":\"gen-3\",\"model\":\"x/y\",\"provider\":\"Azure\",\"choices\":[{\"index\":0,"
                + "\"finish_reason\":\"error\",\"native_finish_reason\":\"error\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
                + "\"error\":{\"code\":502,\"message\":\"Upstream timed out\",\"metadata\":{\"provider_name\":\"Azure\"}}}]}");
        assertEquals("error", f.finishReason());
        assertEquals("502", f.errorCode());
        assertEquals("Upstream timed out", f.errorMessage());
        assertEquals("gen-3", f.generationId());
    }

    @Test
    void onlyTheFirstChoiceCountsEvenWhenListedSecond() {
        ResponseFacts f = json("{\"choices\":[{\"message\":{\"content\":\"second\"},\"finish_reason\":\"length\",\"index\":1},"
                + "{\"message\":{\"content\":\"first\"},\"finish_reason\":\"stop\",\"index\":0}]}");
        assertEquals("first", f.completionText());
        assertEquals("stop", f.finishReason());
    }

    @Test
    void withoutIndexTheFirstListedChoiceCounts() {
        ResponseFacts f = json("{\"choices\":[{\"message\":{\"content\":\"a\"},\"finish_reason\":\"stop\"},"
                + "{\"message\":{\"content\":\"b\"},\"finish_reason\":\"length\"}]}");
        assertEquals("a", f.completionText());
        assertEquals("stop", f.finishReason());
    }

    @Test
    void messageContentAsArrayOfTextPartsIsJoined() {
        ResponseFacts f = json("{\"choices\":[{\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"x\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"u\"}},{\"type\":\"text\",\"text\":\"y\"}]}}]}");
        assertEquals("xy", f.completionText());
    }

    @Test
    void responsesApiMapsInputOutputTokensAndOutputText() {
        ResponseFacts f = json("{\"id\":\"resp_1\",\"object\":\"response\",\"model\":\"openai/o4-mini\",\"status\":\"completed\","
                + "\"output\":[{\"type\":\"reasoning\",\"summary\":[],\"content\":[{\"type\":\"reasoning_text\",\"text\":\"hmm\"}]},"
                + "{\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"Hello\",\"annotations\":[]},"
                + "{\"text\":\" world\",\"type\":\"output_text\"}]}],"
                + "\"usage\":{\"input_tokens\":9,\"output_tokens\":20,\"output_tokens_details\":{\"reasoning_tokens\":12},"
                + "\"input_tokens_details\":{\"cached_tokens\":3},\"cost\":0.0001},\"error\":null}");
        assertEquals("resp_1", f.generationId());
        assertEquals("openai/o4-mini", f.modelUsed());
        assertEquals(9L, f.promptTokens());
        assertEquals(20L, f.completionTokens());
        assertEquals(12L, f.reasoningTokens());
        assertEquals(3L, f.cachedTokens());
        assertEquals(0.0001, f.totalCost());
        assertEquals("Hello world", f.completionText());
        assertNull(f.errorCode());
    }

    @Test
    void embeddingsGiveUsageAndNoText() {
        ResponseFacts f = json("{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"embedding\":[0.1,-0.2,3e-5],\"index\":0}],"
                + "\"model\":\"openai/text-embedding-3-small\",\"id\":\"gen-emb-1\",\"usage\":{\"prompt_tokens\":8,\"total_tokens\":8,\"cost\":1.6e-7}}");
        assertEquals(8L, f.promptTokens());
        assertNull(f.completionTokens());
        assertNull(f.completionText());
        assertEquals(1.6e-7, f.totalCost());
        assertEquals("openai/text-embedding-3-small", f.modelUsed());
    }

    @Test
    void anthropicMessagesShapeGivesTextStopReasonAndTokens() {
        ResponseFacts f = json("{\"id\":\"gen-4\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"anthropic/claude-sonnet-4\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"Hi\"},{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"f\",\"input\":{}}],"
                + "\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":10,\"output_tokens\":3,\"cache_read_input_tokens\":2}}");
        assertEquals("Hi", f.completionText());
        assertEquals("end_turn", f.finishReason());
        assertEquals(10L, f.promptTokens());
        assertEquals(3L, f.completionTokens());
        assertEquals(2L, f.cachedTokens());
    }

    @Test
    void tokenCountsSentAsFloatsAreAccepted() {
        ResponseFacts f = json("{\"usage\":{\"prompt_tokens\":18.0,\"completion_tokens\":7,\"cost\":2}}");
        assertEquals(18L, f.promptTokens());
        assertEquals(7L, f.completionTokens());
        assertEquals(2.0, f.totalCost());
    }

    @Test
    void unexpectedTypesAreSkippedWithoutLosingTheRest() {
        ResponseFacts f = json("{\"id\":{\"nested\":[1,2,{\"x\":null}]},\"model\":[\"a\"],\"usage\":\"n/a\","
                + "\"choices\":{\"0\":1},\"provider\":\"P\"}");
        assertNull(f.generationId());
        assertNull(f.modelUsed());
        assertNull(f.promptTokens());
        assertEquals("P", f.provider());
        assertFalse(f.parseError());
    }

    @Test
    void malformedJsonKeepsFactsReadBeforeTheFaultAndFlagsParseError() {
        ResponseFacts f = json("{\"id\":\"gen-5\",\"model\":\"m\",\"choices\":[{\"message\":{\"content\":\"x\"");
        assertTrue(f.parseError());
        assertEquals("gen-5", f.generationId());
        assertEquals("m", f.modelUsed());
    }

    @Test
    void htmlBodyIsAParseErrorWithNoFacts() {
        ResponseFacts f = new ResponseParser().parse(utf8("<html><body><h1>502 Bad Gateway</h1></body></html>"), 0, 51,
                "text/html", null);
        assertTrue(f.parseError());
        assertNull(f.generationId());
        assertNull(f.errorCode());
        assertFalse(f.stream());
    }

    @Test
    void emptyBodyIsAParseError() {
        assertEquals(ResponseFacts.empty(false, true), json(""));
        assertEquals(ResponseFacts.empty(false, true), json("  \n "));
    }

    @Test
    void nonObjectOrTrailingGarbageIsAParseError() {
        assertTrue(json("[1,2]").parseError());
        assertTrue(json("\"text\"").parseError());
        assertTrue(json("{\"id\":\"gen-6\"} trailing").parseError());
        assertEquals("gen-6", json("{\"id\":\"gen-6\"} trailing").generationId());
    }

    @Test
    void invalidArgumentsGiveEmptyFactsInsteadOfThrowing() {
        ResponseParser parser = new ResponseParser();
        assertTrue(parser.parse(null, 0, 0, null, null).parseError());
        assertTrue(parser.parse(new byte[3], 2, 5, null, null).parseError());
        assertTrue(parser.parse(new byte[3], -1, 1, null, null).parseError());
    }

    @Test
    void parsesOnlyTheGivenSliceOfALargerArray() {
        byte[] body = utf8("GARBAGE{\"id\":\"gen-7\",\"model\":\"m\"}MORE");
        ResponseFacts f = new ResponseParser().parse(body, 7, body.length - 11, "application/json", null);
        assertEquals("gen-7", f.generationId());
        assertFalse(f.parseError());
    }

    @Test
    void binaryGarbageNeverThrows() {
        java.util.Random random = new java.util.Random(42);
        ResponseParser parser = new ResponseParser();
        for (int i = 0; i < 500; i++) {
            byte[] junk = new byte[random.nextInt(300)];
            random.nextBytes(junk);
            if (i % 2 == 0 && junk.length > 0) {
                junk[0] = '{';
            }
            ResponseFacts f = parser.parse(junk, 0, junk.length, i % 3 == 0 ? "text/event-stream" : null, null);
            assertTrue(f.parseError(), "garbage #" + i);
        }
    }
}
