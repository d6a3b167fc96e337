package io.openrouteraudit.instrument.okhttp;

import io.openrouteraudit.instrument.bytecode.ClassShape;
import io.openrouteraudit.instrument.bytecode.HookedMethod;
import io.openrouteraudit.instrument.bytecode.MethodHookFactory;
import io.openrouteraudit.instrument.bytecode.MethodMatch;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Hooks in the exchange's own body streams, {@code Exchange$RequestBodySink} and
 * {@code Exchange$ResponseBodySource} (3.14.x, 4.x, 5.x): inner classes whose {@code this$0}
 * is their exchange. Every body byte the application writes or reads passes through them.
 */
final class BodyStreamHooks {

    static final MethodMatch SINK_WRITE = MethodMatch.of("write", "(Lokio/Buffer;J)V");
    // 5.x added a flag for sockets; the rest is the same in 3.14 and 4.x (whose Kotlin
    // constructor also takes the outer exchange first).
    static final MethodMatch SOURCE_CONSTRUCTOR = MethodMatch.anyOf("<init>",
            "(Lokhttp3/internal/connection/Exchange;Lokio/Source;J)V",
            "(Lokhttp3/internal/connection/Exchange;Lokio/Source;JZ)V");
    static final MethodMatch SOURCE_READ = MethodMatch.of("read", "(Lokio/Buffer;J)J");
    static final MethodMatch SOURCE_CLOSE = MethodMatch.of("close", "()V");

    private static final String OUTER = "this$0";
    private static final int BUFFER = 1;
    private static final int BYTE_COUNT = 2;

    private BodyStreamHooks() {
    }

    /** Before {@code RequestBodySink.write(buffer, byteCount)}: its first {@code byteCount} bytes go out. */
    static final class RequestWrite extends HookedMethod {
        static final MethodHookFactory FACTORY = MethodHookFactory.of(RequestWrite.class);

        private RequestWrite(MethodVisitor target, ClassShape shape, int access, String descriptor) {
            super(target, shape, access, descriptor, false);
        }

        @Override
        protected void onEnter() {
            loadOwnField(OUTER);
            loadReference(BUFFER);
            code().visitVarInsn(Opcodes.LLOAD, BYTE_COUNT);
            callBridge("okHttpRequestBody", "(Ljava/lang/Object;Ljava/lang/Object;J)V");
        }
    }

    /** At the end of the {@code ResponseBodySource} constructor: the body's one source exists. */
    static final class ResponseSourceMade extends HookedMethod {
        static final MethodHookFactory FACTORY = MethodHookFactory.of(ResponseSourceMade.class);

        private ResponseSourceMade(MethodVisitor target, ClassShape shape, int access, String descriptor) {
            super(target, shape, access, descriptor, false);
        }

        @Override
        protected void beforeReturn(int opcode) {
            loadReference(0);
            loadOwnField(OUTER);
            callBridge("okHttpResponseSource", "(Ljava/lang/Object;Ljava/lang/Object;)V");
        }
    }

    /** Before {@code ResponseBodySource.read(buffer, n)} returns: the last {@code read} bytes of the buffer are new. */
    static final class ResponseRead extends HookedMethod {
        static final MethodHookFactory FACTORY = MethodHookFactory.of(ResponseRead.class);

        private ResponseRead(MethodVisitor target, ClassShape shape, int access, String descriptor) {
            super(target, shape, access, descriptor, false);
        }

        @Override
        protected void beforeReturn(int opcode) {
            code().visitInsn(Opcodes.DUP2);
            loadOwnField(OUTER);
            loadReference(BUFFER);
            callBridge("okHttpResponseRead", "(JLjava/lang/Object;Ljava/lang/Object;)V");
        }
    }

    /** Before {@code ResponseBodySource.close()}. */
    static final class ResponseClose extends HookedMethod {
        static final MethodHookFactory FACTORY = MethodHookFactory.of(ResponseClose.class);

        private ResponseClose(MethodVisitor target, ClassShape shape, int access, String descriptor) {
            super(target, shape, access, descriptor, false);
        }

        @Override
        protected void onEnter() {
            loadOwnField(OUTER);
            callBridge("okHttpResponseClosed", "(Ljava/lang/Object;)V");
        }
    }
}
