package io.openrouteraudit.sim;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request exactly as the simulator received it. Header names are lower-cased (HTTP header
 * names are case-insensitive and com.sun.net.httpserver re-cases them); values keep their order.
 *
 * @param query the raw query string, or null when the URI had none
 * @param body  the request body bytes as they arrived (chunked transfer coding removed)
 */
public record ReceivedRequest(String method, String path, String query,
                              Map<String, List<String>> headers, byte[] body) {

    public ReceivedRequest {
        TreeMap<String, List<String>> lowerCased = new TreeMap<>();
        headers.forEach((name, values) -> lowerCased.merge(name.toLowerCase(java.util.Locale.ROOT),
                List.copyOf(values), (a, b) -> {
                    List<String> both = new java.util.ArrayList<>(a);
                    both.addAll(b);
                    return List.copyOf(both);
                }));
        headers = Collections.unmodifiableMap(lowerCased);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The Host header without the port: which name the client addressed. */
    public String hostName() {
        String host = header("host");
        if (host == null) {
            return null;
        }
        int colon = host.lastIndexOf(':');
        return colon > 0 && host.indexOf(']') < colon ? host.substring(0, colon) : host;
    }
}
