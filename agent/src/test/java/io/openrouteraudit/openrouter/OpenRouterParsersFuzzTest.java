package io.openrouteraudit.openrouter;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Coverage-guided fuzzing (Jazzer) of the request, response and event-stream parsing, called the
 * way the agent calls it: whatever the bytes, nothing escapes to the caller and the results stay
 * inside the body they describe.
 *
 * <p>{@code mvn verify} replays the saved corpus in {@code OpenRouterParsersFuzzTestInputs/<method>}
 * (regression mode). To fuzz one target and grow its corpus:
 * {@code JAZZER_FUZZ=1 mvn -o test -pl agent -am -Dtest=OpenRouterParsersFuzzTest#eventStream
 * -Dsurefire.failIfNoSpecifiedTests=false}; new inputs land in {@code agent/.cifuzz-corpus}, and
 * the ones worth keeping are copied into the Inputs directory.
 */
class OpenRouterParsersFuzzTest {

    private static final String[] CONTENT_TYPES = {
        "application/json", "text/event-stream", "text/event-stream; charset=utf-8", null, "text/html"};
    private static final String[] CONTENT_ENCODINGS = {null, "gzip", "deflate", "identity", "br"};

    private final RequestParser requests = new RequestParser();
    private final ResponseParser responses = new ResponseParser();
    private final JsonFactory factory = JsonValues.newFactory();

    /** A request body as the application wrote it (RecordAssembler parses the captured bytes). */
    @FuzzTest(maxDuration = "3m")
    void requestBody(byte[] body) {
        RequestFacts facts = requests.parse(body, 0, body.length);
        assertNotNull(facts);
        assertNotNull(facts.routing());
    }

    /** A response body with each Content-Type and Content-Encoding the agent may see. */
    @FuzzTest(maxDuration = "3m")
    void responseBody(FuzzedDataProvider data) {
        String contentType = data.pickValue(CONTENT_TYPES);
        String contentEncoding = data.pickValue(CONTENT_ENCODINGS);
        byte[] body = data.consumeRemainingAsBytes();
        ResponseFacts facts = responses.parse(body, 0, body.length, contentType, contentEncoding);
        assertNotNull(facts);
    }

    /**
     * The object reader beneath {@link ResponseParser}, without the parser's catch-all: on any
     * JSON it may fail only the way Jackson reports malformed input (an IOException). A
     * RuntimeException here is a bug the catch-all would hide by dropping the facts read so far.
     */
    @FuzzTest(maxDuration = "3m")
    void responseObjectReaderFailsOnlyOnMalformedJson(byte[] body) {
        ResponseAccumulator acc = new ResponseAccumulator(false);
        try (JsonParser p = factory.createParser(body)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                ResponseObjectReader.read(p, acc);
            }
        } catch (IOException malformed) {
            // what a malformed body is allowed to cause
        }
        assertNotNull(acc.toFacts(offset -> offset));
    }

    /** The event-stream splitter on its own: every event's data and end lie inside the body. */
    @FuzzTest(maxDuration = "3m")
    void eventStream(byte[] body) {
        SseEventParser events = new SseEventParser(body, 0, body.length);
        long lastEnd = 0;
        int count = 0;
        while (events.next()) {
            count++;
            assertTrue(count <= body.length, "more events than bytes");
            byte[] buffer = events.dataBuffer();
            int offset = events.dataOffset();
            int length = events.dataLength();
            assertTrue(offset >= 0 && length >= 0 && offset <= buffer.length - length,
                    "data slice [" + offset + ", +" + length + ") outside a buffer of " + buffer.length);
            assertNotNull(events.data());
            long end = events.endOffset();
            assertTrue(end >= lastEnd && end <= body.length, "event end " + end + " after " + lastEnd
                    + " in a body of " + body.length);
            lastEnd = end;
        }
    }
}
