package io.openrouteraudit.openrouter;

import static io.openrouteraudit.openrouter.Fixtures.request;
import static io.openrouteraudit.openrouter.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestParserTest {

    @Test
    void modelFieldWinsOverModelsList() {
        RequestFacts f = request("{\"models\":[\"a/one\",\"b/two\"],\"model\":\"c/three\"}");
        assertEquals("c/three", f.model());
        assertEquals(List.of("a/one", "b/two"), f.routing().models());
    }

    @Test
    void firstOfModelsIsTheRequestedModelWhenModelIsAbsent() {
        assertEquals("a/one", request("{\"models\":[\"a/one\",\"b/two\"]}").model());
    }

    @Test
    void readsEveryRoutingMember() {
        RequestFacts f = request("{\"model\":\"m\",\"provider\":{\"order\":[\"OpenAI\",\"Azure\"],\"only\":[\"OpenAI\"],"
                + "\"ignore\":[\"DeepInfra\"],\"allow_fallbacks\":false,\"data_collection\":\"deny\",\"zdr\":true,"
                + "\"sort\":\"price\",\"max_price\":{\"prompt\":1}},\"max_tokens\":100}");
        Routing r = f.routing();
        assertEquals(List.of("OpenAI", "Azure"), r.providerOrder());
        assertEquals(List.of("OpenAI"), r.providerOnly());
        assertEquals(List.of("DeepInfra"), r.providerIgnore());
        assertEquals(Boolean.FALSE, r.allowFallbacks());
        assertEquals("deny", r.dataCollection());
        assertEquals(Boolean.TRUE, r.zdr());
        assertEquals(100L, r.maxTokens());
        assertNull(r.models());
    }

    @Test
    void absentRoutingIsAllNullButNeverNull() {
        RequestFacts f = request("{\"model\":\"m\",\"messages\":[]}");
        assertEquals(Routing.none(), f.routing());
        assertNull(f.routing().allowFallbacks());
    }

    @Test
    void maxCompletionTokensWinsOverMaxTokensWhicheverComesFirst() {
        assertEquals(50L, request("{\"max_tokens\":100,\"max_completion_tokens\":50}").routing().maxTokens());
        assertEquals(50L, request("{\"max_completion_tokens\":50,\"max_tokens\":100}").routing().maxTokens());
        assertEquals(100L, request("{\"max_tokens\":100}").routing().maxTokens());
        assertNull(request("{\"temperature\":1}").routing().maxTokens());
    }

    @Test
    void promptJsonIsTheExactByteSliceAsSent() {
        String messages = "[ {\"role\" : \"user\",\n  \"content\":\"mail me at bob\\u0040example.com \\\"now\\\" \u00e9\u4e16\"} ]";
        RequestFacts f = request("{\"model\":\"m\",  \"messages\" :  " + messages + "  ,\"stream\":true}");
        assertEquals(messages, f.promptJson());
        assertEquals(List.of("mail me at bob@example.com \"now\" \u00e9\u4e16"), f.promptTexts());
        assertTrue(f.stream());
    }

    @Test
    void promptTextsComeFromContentStringsAndTextParts() {
        RequestFacts f = request("{\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"look\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x/y.png\"}},{\"text\":\"here\",\"type\":\"text\"}]},"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\","
                + "\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"c\",\"content\":\"42\"}]}");
        assertEquals(List.of("be brief", "look", "here", "42"), f.promptTexts());
    }

    @Test
    void legacyPromptStringOrListIsThePrompt() {
        RequestFacts one = request("{\"model\":\"m\",\"prompt\":\"Once upon\"}");
        assertEquals("\"Once upon\"", one.promptJson());
        assertEquals(List.of("Once upon"), one.promptTexts());
        RequestFacts many = request("{\"prompt\":[\"a\",\"b\"],\"model\":\"m\"}");
        assertEquals("[\"a\",\"b\"]", many.promptJson());
        assertEquals(List.of("a", "b"), many.promptTexts());
    }

    @Test
    void responsesAndEmbeddingsInputIsThePrompt() {
        RequestFacts responses = request("{\"model\":\"m\",\"input\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"hi\"}]}]}");
        assertEquals(List.of("hi"), responses.promptTexts());
        assertEquals("[{\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"hi\"}]}]", responses.promptJson());
        RequestFacts embeddings = request("{\"model\":\"e\",\"input\":[\"one\",\"two\"]}");
        assertEquals(List.of("one", "two"), embeddings.promptTexts());
        assertEquals(List.of("x"), request("{\"input\":\"x\"}").promptTexts());
    }

    @Test
    void messagesWinOverPromptAndInputWhateverTheOrder() {
        RequestFacts f = request("{\"input\":\"i\",\"prompt\":\"p\",\"messages\":[{\"role\":\"user\",\"content\":\"m\"}]}");
        assertEquals(List.of("m"), f.promptTexts());
        assertEquals("\"p\"", request("{\"input\":\"i\",\"prompt\":\"p\"}").promptJson());
    }

    @Test
    void noPromptGivesNullJsonAndNoTexts() {
        RequestFacts f = request("{\"model\":\"m\"}");
        assertNull(f.promptJson());
        assertEquals(List.of(), f.promptTexts());
    }

    @Test
    void readsUserAndSessionId() {
        RequestFacts f = request("{\"user\":\"user-42\",\"session_id\":\"sess-\\u0031\",\"model\":\"m\"}");
        assertEquals("user-42", f.user());
        assertEquals("sess-1", f.sessionId());
        assertFalse(f.stream());
        assertFalse(f.parseError());
    }

    @Test
    void parametersKeepBodyOrderAndNumberTypes() {
        RequestFacts f = request("{\"temperature\":0.7,\"seed\":42,\"model\":\"m\",\"max_tokens\":256,\"top_p\":1,"
                + "\"top_k\":40,\"frequency_penalty\":-0.5,\"presence_penalty\":0.0,\"stop\":[\"\\n\",\"END\"],"
                + "\"max_completion_tokens\":128,\"tools\":[],\"response_format\":{\"type\":\"json_object\"}}");
        Map<String, Object> p = f.parameters();
        assertEquals(List.of("temperature", "seed", "max_tokens", "top_p", "top_k", "frequency_penalty",
                "presence_penalty", "stop", "max_completion_tokens"), new ArrayList<>(p.keySet()));
        assertEquals(0.7, p.get("temperature"));
        assertEquals(42L, p.get("seed"));
        assertEquals(256L, p.get("max_tokens"));
        assertEquals(1L, p.get("top_p"));
        assertEquals(-0.5, p.get("frequency_penalty"));
        assertEquals(0.0, p.get("presence_penalty"));
        assertEquals(List.of("\n", "END"), p.get("stop"));
        assertEquals(128L, f.routing().maxTokens());
        assertThrows(UnsupportedOperationException.class, () -> p.put("x", 1));
    }

    @Test
    void stopMayBeASingleString() {
        assertEquals("###", request("{\"stop\":\"###\"}").parameters().get("stop"));
    }

    @Test
    void absentParametersGiveAnEmptyMap() {
        assertEquals(Map.of(), request("{\"model\":\"m\",\"stream\":false}").parameters());
    }

    @Test
    void malformedBodyKeepsFieldsReadBeforeTheFault() {
        RequestFacts f = request("{\"model\":\"m\",\"user\":\"u\",\"messages\":[{\"role\":\"user\",\"content\":\"cut");
        assertTrue(f.parseError());
        assertEquals("m", f.model());
        assertEquals("u", f.user());
        assertNull(f.promptJson());
    }

    @Test
    void emptyHtmlAndGarbageBodiesAreParseErrors() {
        assertEquals(RequestFacts.empty(true), request(""));
        assertEquals(RequestFacts.empty(true), request("[1,2]"));
        assertTrue(request("<html>oops</html>").parseError());
        assertTrue(request("{\"model\":\"m\"}{\"model\":\"n\"}").parseError());
        RequestParser parser = new RequestParser();
        assertTrue(parser.parse(null, 0, 0).parseError());
        assertTrue(parser.parse(new byte[2], 1, 2).parseError());
        byte[] junk = new byte[4096];
        new java.util.Random(1).nextBytes(junk);
        assertTrue(parser.parse(junk, 0, junk.length).parseError());
    }

    @Test
    void parsesOnlyTheGivenSliceAndSlicesPromptRelativeToIt() {
        byte[] body = utf8("XXXX{\"messages\":[{\"content\":\"a\"}]}YYYY");
        RequestFacts f = new RequestParser().parse(body, 4, body.length - 8);
        assertEquals("[{\"content\":\"a\"}]", f.promptJson());
        assertFalse(f.parseError());
    }

    @Test
    void byteOrderMarkDoesNotShiftThePromptSlice() {
        byte[] json = utf8("{\"prompt\":\"hi\"}");
        byte[] body = new byte[json.length + 3];
        body[0] = (byte) 0xEF;
        body[1] = (byte) 0xBB;
        body[2] = (byte) 0xBF;
        System.arraycopy(json, 0, body, 3, json.length);
        assertEquals("\"hi\"", new RequestParser().parse(body, 0, body.length).promptJson());
    }

    @Test
    void wrongTypesAreIgnoredWithoutAParseError() {
        RequestFacts f = request("{\"model\":42,\"stream\":{\"x\":1},\"provider\":[1],\"temperature\":\"hot\","
                + "\"user\":null,\"models\":\"solo/model\"}");
        assertEquals("solo/model", f.model());
        assertFalse(f.stream());
        assertNull(f.user());
        assertEquals(Map.of(), f.parameters());
        assertFalse(f.parseError());
    }
}
