package io.openrouteraudit.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openrouteraudit.config.LogLevel;
import io.openrouteraudit.redact.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The agent's own lines pass the same redaction as everything else that leaves it. */
class AgentLogRedactionTest {

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final Redactor redactor = Redactor.create("all", "", w -> { });

    private AgentLog log(LogLevel level) {
        return new AgentLog(level, redactor::redactText, new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aMessageAndItsCauseAreRedactedOnOneLine() {
        log(LogLevel.WARN).warn("journal write failed for bob@example.com\nsecond line",
                new IOException("key sk-or-v1-" + "ab".repeat(32) + " refused"));
        assertEquals("openrouter-audit: journal write failed for [EMAIL] second line: IOException key [API_KEY] refused"
                + System.lineSeparator(), err());
    }

    @Test
    void theDebugStackTraceIsRedactedLineByLine() {
        IOException inner = new IOException("card 4111 1111 1111 1111 declined");
        log(LogLevel.DEBUG).error("call failed", new IllegalStateException("for ann@example.org", inner));
        assertFalse(err().contains("ann@example.org"), err());
        assertFalse(err().contains("4111 1111"), err());
        assertTrue(err().contains("Caused by: java.io.IOException: card [CARD] declined"), err());
        assertTrue(err().contains("\tat "), "the trace itself is still there at debug: " + err());
    }

    @Test
    void warnOnceSaysItOnce() {
        AgentLog log = log(LogLevel.WARN);
        log.warnOnce("disk", "disk full at 10.0.0.1", null);
        log.warnOnce("disk", "disk full at 10.0.0.1", null);
        assertEquals("openrouter-audit: disk full at [IP]" + System.lineSeparator(), err());
    }
}
