package io.openrouteraudit.instrument.okhttp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CallerLibraryTest {

    @Test
    void theOpenAiSdkIsKnownByItsStainlessHeaderOrItsUserAgent() {
        assertEquals("openai-java", CallerLibrary.of("java", "okhttp/4.12.0"));
        assertEquals("openai-java", CallerLibrary.of(null, "OpenAI/Java 4.1.0"));
    }

    @Test
    void anythingElseIsOkHttpItself() {
        assertEquals("okhttp", CallerLibrary.of(null, "okhttp/3.14.9"));
        assertEquals("okhttp", CallerLibrary.of(null, null));
        assertEquals("okhttp", CallerLibrary.of(null, "support-desk/2.3 (via OpenAI)"));
    }
}
