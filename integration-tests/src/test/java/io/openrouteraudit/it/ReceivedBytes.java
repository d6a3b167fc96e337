package io.openrouteraudit.it;

import io.openrouteraudit.sim.ReceivedRequest;
import io.openrouteraudit.sim.RecordedExchange;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The requests a simulator received, as comparable text: method, path, query, every header
 * and the body, one block per request, sorted (concurrent calls arrive in any order).
 *
 * <p>No header is left out: the runs share one simulator, so even {@code Host} (with its port)
 * is the same in both, and the JDK client sends nothing else that varies from run to run.
 */
final class ReceivedBytes {

    private ReceivedBytes() {
    }

    static String describe(List<RecordedExchange> exchanges) {
        return exchanges.stream()
                .map(e -> describe(e.request()))
                .sorted()
                .collect(Collectors.joining("\n\n"));
    }

    static String describe(ReceivedRequest request) {
        StringBuilder text = new StringBuilder();
        text.append(request.method()).append(' ').append(request.path());
        if (request.query() != null) {
            text.append('?').append(request.query());
        }
        text.append('\n');
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            text.append(header.getKey()).append(": ").append(header.getValue()).append('\n');
        }
        text.append("body: ").append(bodyText(request.body()));
        return text.toString();
    }

    private static String bodyText(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return "base64 " + Base64.getEncoder().encodeToString(body);
        }
    }
}
