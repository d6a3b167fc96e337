package io.openrouteraudit.instrument.okhttp;

import io.openrouteraudit.bootstrap.AuditBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code okhttp3.internal.http.RetryAndFollowUpInterceptor.intercept(Chain)}, the
 * first of OkHttp's own interceptors (same name in 3.14.x, 4.x and 5.x): once per trip of a call
 * below the application's interceptors. A call that fails before any exchange wrote a request
 * (refused connection, DNS, connect timeout) is only seen here.
 */
public final class CallAdvice {

    private CallAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static long enter() {
        return System.nanoTime();
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    public static void exit(@Advice.Enter long startNanos, @Advice.Argument(0) Object chain,
                            @Advice.Thrown Throwable thrown) {
        AuditBridge.okHttpCallEnded(chain, thrown, startNanos);
    }
}
