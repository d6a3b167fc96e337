package io.openrouteraudit.sim;

import java.util.Arrays;

/**
 * What the simulator does, chosen by the request's {@code model}, so that an unmodified client
 * can drive every case. Any model id that is not one of these is served successfully.
 * The {@code STREAM_*} behaviours shape event streams; without {@code "stream": true} they
 * answer like {@link #SUCCESS}.
 */
public enum SimulatedBehaviour {
    /** 200 with a completion (JSON, or an event stream whose usage arrives in the observed shape). */
    SUCCESS(null),
    /** Served by the second entry of the request's {@code models} list. */
    FALLBACK("sim/fallback"),
    ERROR_402("sim/error-402"),
    /** 429 with {@code Retry-After}. */
    ERROR_429("sim/error-429"),
    /**
     * 429 with {@code Retry-After: 0}: a rate limit that lifts at once, so that a client that
     * honours Retry-After (the OpenAI SDK) retries without waiting.
     */
    ERROR_429_RETRY_NOW("sim/error-429-retry-now"),
    ERROR_500("sim/error-500"),
    /** 200, {@code application/json}, a body that stops in the middle of a string. */
    MALFORMED("sim/malformed"),
    /** 200 with an HTML page. */
    HTML("sim/html"),
    /** 200 with no body at all. */
    EMPTY("sim/empty"),
    /** A normal completion, gzip-encoded with {@code Content-Encoding: gzip} whatever the client accepts. */
    GZIP("sim/gzip"),
    /** Usage in the documented final chunk with {@code "choices": []}. */
    STREAM_USAGE_EMPTY_CHOICES("sim/stream-usage-empty-choices"),
    /** An error event after some content; status stays 200, no usage, no {@code [DONE]}. */
    STREAM_MIDSTREAM_ERROR("sim/stream-midstream-error"),
    /**
     * A complete stream (observed usage shape, {@code [DONE]}) whose events after the first come
     * {@link #SLOW_EVENT_GAP_MILLIS} apart: a client that stops or cancels after the first event
     * has certainly not received the rest, however late its thread runs.
     */
    STREAM_SLOW("sim/stream-slow"),
    /** A complete stream with usage that just ends without {@code data: [DONE]}. */
    STREAM_NO_DONE("sim/stream-no-done"),
    /** 200 whose only choice has {@code finish_reason: "error"} and a {@code choices[0].error}. */
    PROVIDER_ERROR_200("sim/provider-error-200"),
    /** A normal completion that starts only after {@link #SLOW_DELAY_MILLIS}, to provoke client timeouts. */
    SLOW("sim/slow"),
    /**
     * 200, {@code application/json}, a well-formed completion of {@link #HUGE_BODY_BYTES} bytes
     * (its content one long text) with a Content-Length.
     */
    HUGE_BODY("sim/huge-body"),
    /**
     * An event stream whose connection is closed (FIN) after two content events, the chunked
     * body unfinished: no usage, no {@code [DONE]}. Without {@code "stream": true} like {@link #SUCCESS}.
     */
    STREAM_CUT("sim/stream-cut"),
    /**
     * The connection reset (RST) in the middle of the body: after the first half of a JSON
     * completion (whose Content-Length promised all of it), or after two content events of a stream.
     */
    RESET("sim/reset"),
    /** A normal completion written one byte a second, status line first, until the client goes away. */
    DRIP("sim/drip");

    public static final long SLOW_DELAY_MILLIS = 3000;
    public static final long HUGE_BODY_BYTES = 100L * 1024 * 1024;
    public static final long SLOW_EVENT_GAP_MILLIS = 200;

    private final String modelId;

    SimulatedBehaviour(String modelId) {
        this.modelId = modelId;
    }

    /** The model id that selects this behaviour; null for {@link #SUCCESS}. */
    public String modelId() {
        return modelId;
    }

    public static SimulatedBehaviour forModel(String model) {
        return Arrays.stream(values())
                .filter(b -> b.modelId != null && b.modelId.equals(model))
                .findFirst()
                .orElse(SUCCESS);
    }
}
