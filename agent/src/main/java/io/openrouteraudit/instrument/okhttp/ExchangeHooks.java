package io.openrouteraudit.instrument.okhttp;

import io.openrouteraudit.instrument.bytecode.ClassShape;
import io.openrouteraudit.instrument.bytecode.HookedMethod;
import io.openrouteraudit.instrument.bytecode.MethodHookFactory;
import io.openrouteraudit.instrument.bytecode.MethodMatch;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Hooks in {@code okhttp3.internal.connection.Exchange} (3.14.x, 4.x and 5.x): one instance per
 * network attempt, below every interceptor, with a {@code call} field in each version (typed
 * {@code Call} in 3.x, {@code RealCall} later: read from the class being rewritten).
 */
final class ExchangeHooks {

    static final MethodMatch WRITE_REQUEST_HEADERS = MethodMatch.of("writeRequestHeaders", "(Lokhttp3/Request;)V");
    static final MethodMatch OPEN_RESPONSE_BODY =
            MethodMatch.of("openResponseBody", "(Lokhttp3/Response;)Lokhttp3/ResponseBody;");
    static final MethodMatch TRACK_FAILURE = MethodMatch.of("trackFailure", "(Ljava/io/IOException;)V");

    private static final int FIRST_ARGUMENT = 1;

    private ExchangeHooks() {
    }

    /**
     * Before {@code writeRequestHeaders(request)}: the request exactly as it goes on the wire.
     * The bridge answers an exception to throw when the call is refused (fail-mode=closed),
     * declared by the method itself, before a byte is written; otherwise null.
     */
    static final class RequestHeaders extends HookedMethod {
        static final MethodHookFactory FACTORY = MethodHookFactory.of(RequestHeaders.class);

        private RequestHeaders(MethodVisitor target, ClassShape shape, int access, String descriptor) {
            super(target, shape, access, descriptor, false);
        }

        @Override
        protected void onEnter() {
            MethodVisitor code = code();
            loadReference(0);
            loadOwnField("call");
            loadReference(FIRST_ARGUMENT);
            callBridge("okHttpRequestHeaders",
                    "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;)Ljava/io/IOException;");
            code.visitInsn(Opcodes.DUP);
            Label send = new Label();
            code.visitJumpInsn(Opcodes.IFNULL, send);
            code.visitInsn(Opcodes.ATHROW);
            entryFrame(send, "java/io/IOException");
            code.visitInsn(Opcodes.POP);
        }
    }

    /** Before {@code openResponseBody(response)} returns the body OkHttp hands up the chain. */
    static final class ResponseOpened extends HookedMethod {
        static final MethodHookFactory FACTORY = MethodHookFactory.of(ResponseOpened.class);

        private ResponseOpened(MethodVisitor target, ClassShape shape, int access, String descriptor) {
            super(target, shape, access, descriptor, false);
        }

        @Override
        protected void beforeReturn(int opcode) {
            code().visitInsn(Opcodes.DUP);
            loadReference(0);
            loadReference(FIRST_ARGUMENT);
            callBridge("okHttpResponseOpened", "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;)V");
        }
    }

    /** Before {@code trackFailure(e)}: every failure of the exchange passes here. */
    static final class Failure extends HookedMethod {
        static final MethodHookFactory FACTORY = MethodHookFactory.of(Failure.class);

        private Failure(MethodVisitor target, ClassShape shape, int access, String descriptor) {
            super(target, shape, access, descriptor, false);
        }

        @Override
        protected void onEnter() {
            loadReference(0);
            loadOwnField("call");
            loadReference(FIRST_ARGUMENT);
            callBridge("okHttpExchangeFailed", "(Ljava/lang/Object;Ljava/lang/Object;Ljava/io/IOException;)V");
        }
    }
}
