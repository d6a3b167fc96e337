package io.openrouteraudit.instrument.okhttp;

import io.openrouteraudit.instrument.bytecode.ClassShape;
import io.openrouteraudit.instrument.bytecode.HookedMethod;
import io.openrouteraudit.instrument.bytecode.MethodHookFactory;
import io.openrouteraudit.instrument.bytecode.MethodMatch;
import org.objectweb.asm.MethodVisitor;

/**
 * Before {@code okhttp3.internal.connection.RealCall.cancel()} (4.x and 5.x): OkHttp's call
 * timeout ends a call through this same method, from Okio's watchdog thread, so only who calls
 * it tells a timeout from the application's own cancel. In 3.14.x both the call's cancel and
 * its timeout run {@code Transmitter.cancel()}, hooked by {@link OfTransmitter}.
 */
final class CancelHook extends HookedMethod {

    static final MethodMatch CANCEL = MethodMatch.of("cancel", "()V");

    static final MethodHookFactory FACTORY = MethodHookFactory.of(CancelHook.class);

    private CancelHook(MethodVisitor target, ClassShape shape, int access, String descriptor) {
        super(target, shape, access, descriptor, false);
    }

    @Override
    protected void onEnter() {
        loadReference(0);
        callBridge("okHttpCallCancelling", "(Ljava/lang/Object;)V");
    }

    /** Before 3.14's {@code Transmitter.cancel()}, with the transmitter's {@code call}. */
    static final class OfTransmitter extends HookedMethod {
        static final MethodHookFactory FACTORY = MethodHookFactory.of(OfTransmitter.class);

        private OfTransmitter(MethodVisitor target, ClassShape shape, int access, String descriptor) {
            super(target, shape, access, descriptor, false);
        }

        @Override
        protected void onEnter() {
            loadOwnField("call");
            callBridge("okHttpCallCancelling", "(Ljava/lang/Object;)V");
        }
    }
}
