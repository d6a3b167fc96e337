package io.openrouteraudit.sim;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What the simulator answered to one request.
 *
 * @param headers   the headers it set (the server adds Date and the transfer coding)
 * @param body      every body byte it wrote, before the transfer coding (of a body over 1 MiB,
 *                  the first MiB)
 * @param delivered false when the client went away before the simulator finished writing, or a
 *                  connection fault left the body unfinished
 * @param facts     the OpenRouter facts this response carried
 */
public record SentResponse(int status, Map<String, String> headers, byte[] body, boolean delivered,
                           ResponseFacts facts) {

    public SentResponse {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
