package io.openrouteraudit.instrument.okhttp;

import io.openrouteraudit.instrument.bytecode.ClassShape;
import io.openrouteraudit.instrument.bytecode.HookedMethod;
import io.openrouteraudit.instrument.bytecode.MethodHookFactory;
import io.openrouteraudit.instrument.bytecode.MethodMatch;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Hooks {@code okhttp3.internal.http.RetryAndFollowUpInterceptor.intercept(chain)}, the first of
 * OkHttp's own interceptors (same name in 3.14.x, 4.x and 5.x): once per trip of a call below
 * the application's interceptors. A call that fails before any exchange wrote a request
 * (refused connection, DNS, connect timeout) is only seen here. The method never assigns its
 * parameter, so the chain read at its end is the one it was given.
 */
final class CallHook extends HookedMethod {

    static final MethodMatch INTERCEPT =
            MethodMatch.of("intercept", "(Lokhttp3/Interceptor$Chain;)Lokhttp3/Response;");

    static final MethodHookFactory FACTORY = MethodHookFactory.of(CallHook.class);

    private static final int CHAIN = 1;

    private CallHook(MethodVisitor target, ClassShape shape, int access, String descriptor) {
        super(target, shape, access, descriptor, true);
    }

    @Override
    protected void onEnter() {
        loadReference(CHAIN);
        callBridge("okHttpCallStarted", "(Ljava/lang/Object;)V");
    }

    @Override
    protected void beforeReturn(int opcode) {
        loadReference(CHAIN);
        code().visitInsn(Opcodes.ACONST_NULL);
        callBridge("okHttpCallEnded", "(Ljava/lang/Object;Ljava/lang/Throwable;)V");
    }

    @Override
    protected void onThrow() {
        MethodVisitor code = code();
        code.visitInsn(Opcodes.DUP);
        loadReference(CHAIN);
        code.visitInsn(Opcodes.SWAP);
        callBridge("okHttpCallEnded", "(Ljava/lang/Object;Ljava/lang/Throwable;)V");
    }
}
