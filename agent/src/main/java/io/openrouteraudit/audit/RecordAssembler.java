package io.openrouteraudit.audit;

import io.openrouteraudit.capture.BodySnapshot;
import io.openrouteraudit.capture.Exchange;
import io.openrouteraudit.capture.RequestStart;
import io.openrouteraudit.capture.ResponseHead;
import io.openrouteraudit.config.ContentMode;
import io.openrouteraudit.openrouter.RequestFacts;
import io.openrouteraudit.openrouter.RequestParser;
import io.openrouteraudit.openrouter.ResponseFacts;
import io.openrouteraudit.openrouter.ResponseParser;
import io.openrouteraudit.redact.KeyedHasher;
import io.openrouteraudit.redact.Redactor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Exchange to record: parses both bodies, redacts every text that will leave, and derives the
 * keyed hashes. The only stage that sees raw prompts; nothing raw survives it unless
 * {@code content=full}.
 */
public final class RecordAssembler {

    static final String REDACTION_FAILED = "[REDACTION-FAILED]";
    static final String REDACTION_FAILED_RULE = "REDACTION_FAILED";

    // Made on the first record, not at start-up: they pull in Jackson.
    private volatile Parsers parsers;
    private final Redactor redactor;
    private final Supplier<KeyedHasher> hasher;
    private final ContentMode content;
    private final ViolationCheck violations;

    public RecordAssembler(Redactor redactor, Supplier<KeyedHasher> hasher, ContentMode content) {
        this(redactor, hasher, content, ViolationCheck.NONE);
    }

    /** @param violations the compliance policy's judgement of each exchange */
    public RecordAssembler(Redactor redactor, Supplier<KeyedHasher> hasher, ContentMode content,
                           ViolationCheck violations) {
        this.redactor = redactor;
        this.hasher = hasher;
        this.content = content;
        this.violations = violations;
    }

    public AuditRecord assemble(Exchange exchange) {
        RequestStart start = exchange.request();
        BodySnapshot requestBody = exchange.requestBody();
        BodySnapshot responseBody = exchange.responseBody();
        ResponseHead head = exchange.response();
        Parsers p = parsers();
        RequestFacts request = requestBody.length() == 0
                ? RequestFacts.empty(false)
                : p.request().parse(requestBody.bytes(), 0, requestBody.length());
        ResponseFacts response = responseBody.length() == 0
                ? ResponseFacts.empty(false, false)
                : p.response().parse(responseBody.bytes(), 0, responseBody.length(),
                        head == null ? null : head.contentType(), head == null ? null : head.contentEncoding());
        ExchangeStatus status = ExchangeStatus.of(exchange, response);
        KeyedHasher keyed = hasher.get();

        Map<String, Integer> pii = piiCounts(request.promptTexts());
        String generationId = response.generationId() != null ? response.generationId()
                : head == null ? null : head.generationIdHeader();
        return new AuditRecord(
                start.startTime(),
                generationId,
                start.client(),
                start.method(),
                start.path(),
                request.model(),
                response.modelUsed(),
                response.provider(),
                response.stream(),
                head == null ? null : head.status(),
                status.status(),
                redacted(status.errorCode()),
                response.finishReason(),
                response.promptTokens(),
                response.completionTokens(),
                response.reasoningTokens(),
                response.cachedTokens(),
                response.totalCost(),
                exchange.latencyNanos() / 1_000_000L,
                ttftMillis(start, responseBody, response),
                redacted(start.userHeaderValue() != null ? start.userHeaderValue() : request.user()),
                redacted(start.appTitle()),
                redacted(start.appReferer()),
                start.bearerToken() == null ? null : keyed.fingerprint(start.bearerToken()),
                request.promptJson() == null ? null : keyed.hmacHex(request.promptJson()),
                response.completionText() == null ? null : keyed.hmacHex(response.completionText()),
                pii,
                requestBody.truncated() || responseBody.truncated(),
                redacted(request.sessionId() != null ? request.sessionId() : start.sessionHeader()),
                request.routing(),
                violations.violations(exchange, request, response.provider()),
                null,
                null,
                promptContent(request.promptJson()),
                contentOf(response.completionText()),
                request.parameters());
    }

    private record Parsers(RequestParser request, ResponseParser response) {
    }

    private Parsers parsers() {
        Parsers p = parsers;
        if (p == null) {
            // A race makes two sets, one of which is dropped: harmless, and no lock on the hot path.
            p = new Parsers(new RequestParser(), new ResponseParser());
            parsers = p;
        }
        return p;
    }

    private String promptContent(String promptJson) {
        if (promptJson == null || content != ContentMode.REDACTED) {
            return contentOf(promptJson);
        }
        return JsonTextRedaction.redact(promptJson, this::redacted);
    }

    private String contentOf(String text) {
        if (text == null) {
            return null;
        }
        return switch (content) {
            case NONE -> null;
            case REDACTED -> redacted(text);
            case FULL -> text;
        };
    }

    private static Long ttftMillis(RequestStart start, BodySnapshot body, ResponseFacts response) {
        if (!response.stream() || response.firstContentEndOffset() < 0) {
            return null;
        }
        long at = body.arrivalNanosOf(response.firstContentEndOffset());
        return at < 0 ? null : Math.max(0, (at - start.startNanos()) / 1_000_000L);
    }

    private Map<String, Integer> piiCounts(List<String> texts) {
        Map<String, Integer> pii = new LinkedHashMap<>();
        for (String text : texts) {
            try {
                // Counts only: the redacted text of the prompt, if kept at all, is made per JSON string.
                redactor.countMatches(text).forEach((rule, n) -> pii.merge(rule, n, Integer::sum));
            } catch (RuntimeException e) {
                pii.merge(REDACTION_FAILED_RULE, 1, Integer::sum);
            }
        }
        return Collections.unmodifiableMap(pii);
    }

    /**
     * The redacted text; if the engine itself fails, a marker rather than the text: a record
     * without a value is better than a record with an unredacted one.
     */
    private String redacted(String text) {
        try {
            return redactor.redactText(text);
        } catch (RuntimeException e) {
            return text == null ? null : REDACTION_FAILED;
        }
    }
}
