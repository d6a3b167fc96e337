package io.openrouteraudit.instrument.jdkhttp;

import io.openrouteraudit.bootstrap.AuditBridge;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code HttpClientImpl.sendAsync(request, handler, pushHandler, executor)}, the
 * private method that both {@code send} and every {@code sendAsync} end in (JDK 17 to 25).
 * It only forwards to the bridge: the request and handler may come back wrapped in tees, or
 * the call may be refused, in which case the method body is skipped and a failed future is
 * returned, exactly as the JDK itself fails a call on a closed client.
 */
public final class SendAsyncAdvice {

    private SendAsyncAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class, skipOn = Advice.OnNonDefaultValue.class)
    public static CompletableFuture<?> enter(
            @Advice.Argument(value = 0, readOnly = false) HttpRequest request,
            @Advice.Argument(value = 1, readOnly = false) HttpResponse.BodyHandler<?> handler,
            @Advice.Local("auditToken") Object token) {
        Object[] swap = AuditBridge.jdkSend(request, handler);
        if (swap == null) {
            return null;
        }
        if (swap.length == 1) {
            return (CompletableFuture<?>) swap[0];
        }
        request = (HttpRequest) swap[0];
        handler = (HttpResponse.BodyHandler<?>) swap[1];
        token = swap[2];
        return null;
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    public static void exit(
            @Advice.Enter CompletableFuture<?> refused,
            @Advice.Return(readOnly = false, typing = net.bytebuddy.implementation.bytecode.assign.Assigner.Typing.DYNAMIC) Object result,
            @Advice.Thrown Throwable thrown,
            @Advice.Local("auditToken") Object token) {
        if (refused != null) {
            result = refused;
            return;
        }
        AuditBridge.jdkIssued(token, result, thrown);
    }
}
