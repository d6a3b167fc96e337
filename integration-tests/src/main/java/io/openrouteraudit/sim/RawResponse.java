package io.openrouteraudit.sim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A planned reply as the bytes of an HTTP/1.1 response with a Content-Length, for writing by hand. */
final class RawResponse {

    private RawResponse() {
    }

    static byte[] bytes(PlannedReply reply) {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(reply.status()).append(" OK\r\n");
        for (Map.Entry<String, String> header : reply.headers().entrySet()) {
            head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        head.append("Content-Length: ").append(reply.contentLength()).append("\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
        for (ReplyPart part : reply.parts()) {
            for (int i = 0; i < part.times(); i++) {
                out.writeBytes(part.bytes());
            }
        }
        return out.toByteArray();
    }
}
