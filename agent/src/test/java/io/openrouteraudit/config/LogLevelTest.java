package io.openrouteraudit.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogLevelTest {

    @Test
    void levelAllowsItselfAndMoreSevereMessagesOnly() {
        assertTrue(LogLevel.WARN.allows(LogLevel.ERROR));
        assertTrue(LogLevel.WARN.allows(LogLevel.WARN));
        assertFalse(LogLevel.WARN.allows(LogLevel.INFO));
        assertTrue(LogLevel.DEBUG.allows(LogLevel.DEBUG));
        assertFalse(LogLevel.ERROR.allows(LogLevel.WARN));
    }

    @Test
    void offAllowsNothingAndIsNeverAMessageLevel() {
        for (LogLevel message : LogLevel.values()) {
            assertFalse(LogLevel.OFF.allows(message), message.name());
            assertFalse(message.allows(LogLevel.OFF), message.name());
        }
        assertFalse(LogLevel.DEBUG.allows(null));
    }
}
