package io.openrouteraudit.capture;

import java.time.Instant;

/**
 * What is known when a request leaves: where it goes and the few headers the audit needs.
 * The bearer token is held only in memory, to derive a fingerprint; it never leaves the agent.
 */
public record RequestStart(
        String client,
        String method,
        String scheme,
        String host,
        int port,
        String path,
        Instant startTime,
        long startNanos,
        String bearerToken,
        String userHeaderValue,
        String appTitle,
        String appReferer,
        String sessionHeader) {

    @Override
    public String toString() {
        // Never print the token, even in a debugger or a log line.
        return "RequestStart[" + client + " " + method + " " + scheme + "://" + host + ":" + port + path + "]";
    }
}
