package io.openrouteraudit.instrument.okhttp;

import io.openrouteraudit.bootstrap.AuditBridge;
import java.io.IOException;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code okhttp3.internal.connection.Exchange} (3.14.x, 4.x and 5.x): one instance
 * per network attempt, below every interceptor, with a {@code call} field in each version.
 */
public final class ExchangeAdvice {

    private ExchangeAdvice() {
    }

    /** Before {@code writeRequestHeaders(Request)}: the request exactly as it goes on the wire. */
    public static final class RequestHeaders {
        private RequestHeaders() {
        }

        // Not suppressed: refusing under fail-mode=closed is this one throw, declared by the
        // method itself. The bridge never throws anything else.
        @Advice.OnMethodEnter
        public static void enter(@Advice.This Object exchange, @Advice.FieldValue("call") Object call,
                                 @Advice.Argument(0) Object request) throws IOException {
            IOException refused = AuditBridge.okHttpRequestHeaders(exchange, call, request);
            if (refused != null) {
                throw refused;
            }
        }
    }

    /** After {@code openResponseBody(Response)} returned the body OkHttp hands up the chain. */
    public static final class ResponseOpened {
        private ResponseOpened() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.This Object exchange, @Advice.Argument(0) Object response,
                                @Advice.Return Object body) {
            AuditBridge.okHttpResponseOpened(exchange, response, body);
        }
    }

    /** Before {@code trackFailure(IOException)}: every failure of the exchange passes here. */
    public static final class Failure {
        private Failure() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter(@Advice.This Object exchange, @Advice.FieldValue("call") Object call,
                                 @Advice.Argument(0) IOException failure) {
            AuditBridge.okHttpExchangeFailed(exchange, call, failure);
        }
    }
}
