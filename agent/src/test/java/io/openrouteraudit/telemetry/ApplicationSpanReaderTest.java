package io.openrouteraudit.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.openrouteraudit.capture.CallerSpan;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class ApplicationSpanReaderTest {

    private final ApplicationSpanReader reader = new ApplicationSpanReader();

    @Test
    void theCurrentSpanOfTheCallingThreadIsTheParent() {
        try (SdkTracerProvider provider = SdkTracerProvider.builder().build()) {
            Span span = provider.get("app").spanBuilder("handle").startSpan();
            try (Scope ignored = span.makeCurrent()) {
                CallerSpan parent = reader.current();

                assertEquals(new CallerSpan(span.getSpanContext().getTraceId(), span.getSpanContext().getSpanId(),
                        true), parent);
            } finally {
                span.end();
            }
            assertNull(reader.current(), "no span once the application's scope is closed");
        }
    }

    @Test
    void aLoaderWithoutTheOpenTelemetryApiGivesNoParent() throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader bare = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            thread.setContextClassLoader(bare);
            assertNull(reader.current());
            assertNull(reader.current(), "the answer is remembered and stays the same");
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
