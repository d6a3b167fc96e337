package io.openrouteraudit.capture;

import java.util.List;

/**
 * One HTTP exchange with an audited host, library-neutral and immutable: the only thing the
 * stages after capture ever see of a client library.
 *
 * @param response    {@code null} when no response head arrived
 * @param failureType simple class name of the exception that ended it, or {@code null}
 * @param failureMessage message of that exception (unredacted: redact before it leaves)
 * @param callerSpan  the application's current span when the request started, or {@code null}
 * @param admissionViolations policy rules the request broke when it left (see {@link RequestGate})
 */
public record Exchange(
        RequestStart request,
        BodySnapshot requestBody,
        ResponseHead response,
        BodySnapshot responseBody,
        long endNanos,
        Outcome outcome,
        String failureType,
        String failureMessage,
        CallerSpan callerSpan,
        List<String> admissionViolations) {

    public Exchange {
        admissionViolations = admissionViolations == null ? List.of() : List.copyOf(admissionViolations);
    }

    /** An exchange that broke no rule when it left. */
    public Exchange(RequestStart request, BodySnapshot requestBody, ResponseHead response, BodySnapshot responseBody,
                    long endNanos, Outcome outcome, String failureType, String failureMessage, CallerSpan callerSpan) {
        this(request, requestBody, response, responseBody, endNanos, outcome, failureType, failureMessage, callerSpan,
                List.of());
    }

    /** An exchange started outside any application span. */
    public Exchange(RequestStart request, BodySnapshot requestBody, ResponseHead response, BodySnapshot responseBody,
                    long endNanos, Outcome outcome, String failureType, String failureMessage) {
        this(request, requestBody, response, responseBody, endNanos, outcome, failureType, failureMessage, null);
    }

    public long latencyNanos() {
        return endNanos - request.startNanos();
    }
}
