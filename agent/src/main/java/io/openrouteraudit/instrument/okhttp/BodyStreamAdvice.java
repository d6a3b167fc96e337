package io.openrouteraudit.instrument.okhttp;

import io.openrouteraudit.bootstrap.AuditBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into the exchange's own body streams, {@code Exchange$RequestBodySink} and
 * {@code Exchange$ResponseBodySource} (3.14.x, 4.x, 5.x): inner classes whose {@code this$0}
 * is their exchange. Every body byte the application writes or reads passes through them.
 */
public final class BodyStreamAdvice {

    private BodyStreamAdvice() {
    }

    /** Before {@code RequestBodySink.write(Buffer, long)}: the first {@code byteCount} bytes go out. */
    public static final class RequestWrite {
        private RequestWrite() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter(@Advice.FieldValue("this$0") Object exchange, @Advice.Argument(0) Object buffer,
                                 @Advice.Argument(1) long byteCount) {
            AuditBridge.okHttpRequestBody(exchange, buffer, byteCount);
        }
    }

    /** After the {@code ResponseBodySource} constructor. */
    public static final class ResponseSourceMade {
        private ResponseSourceMade() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.This Object source, @Advice.FieldValue("this$0") Object exchange) {
            AuditBridge.okHttpResponseSource(source, exchange);
        }
    }

    /** After {@code ResponseBodySource.read(Buffer, long)}: the last {@code read} bytes of the buffer are new. */
    public static final class ResponseRead {
        private ResponseRead() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.FieldValue("this$0") Object exchange, @Advice.Argument(0) Object buffer,
                                @Advice.Return long read) {
            if (read != 0) {
                AuditBridge.okHttpResponseRead(exchange, buffer, read);
            }
        }
    }

    /** Before {@code ResponseBodySource.close()}. */
    public static final class ResponseClose {
        private ResponseClose() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter(@Advice.FieldValue("this$0") Object exchange) {
            AuditBridge.okHttpResponseClosed(exchange);
        }
    }
}
