package io.openrouteraudit.instrument.jdkhttp;

import io.openrouteraudit.instrument.bytecode.ClassShape;
import io.openrouteraudit.instrument.bytecode.HookedMethod;
import io.openrouteraudit.instrument.bytecode.MethodHookFactory;
import io.openrouteraudit.instrument.bytecode.MethodMatch;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Hooks {@code HttpClientImpl.sendAsync(request, handler, pushHandler, executor)}, the private
 * method that both {@code send} and every {@code sendAsync} end in (JDK 17 to 25). The code it
 * adds only forwards to the bridge, as if the method began with
 * <pre>{@code
 * Object[] swap = AuditBridge.jdkSend(request, handler);
 * request = (HttpRequest) swap[0];
 * handler = (BodyHandler) swap[1];
 * if (swap[2] != null) return (CompletableFuture) swap[2];   // refused: fail-mode=closed
 * }</pre>
 * and passed its future, or the throwable leaving it, to the bridge with the handler, which
 * carries the exchange when the call is audited. The method never assigns its parameters, so
 * the handler read back at the end is the one the prologue stored.
 */
final class SendAsyncHook extends HookedMethod {

    static final MethodMatch METHOD = MethodMatch.of("sendAsync",
            "(Ljava/net/http/HttpRequest;Ljava/net/http/HttpResponse$BodyHandler;"
                    + "Ljava/net/http/HttpResponse$PushPromiseHandler;Ljava/util/concurrent/Executor;)"
                    + "Ljava/util/concurrent/CompletableFuture;");

    static final MethodHookFactory FACTORY = MethodHookFactory.of(SendAsyncHook.class);

    private static final int REQUEST = 1;
    private static final int HANDLER = 2;

    private SendAsyncHook(MethodVisitor target, ClassShape shape, int access, String descriptor) {
        super(target, shape, access, descriptor, true);
    }

    @Override
    protected void onEnter() {
        MethodVisitor code = code();
        code.visitVarInsn(Opcodes.ALOAD, REQUEST);
        code.visitVarInsn(Opcodes.ALOAD, HANDLER);
        callBridge("jdkSend", "(Ljava/lang/Object;Ljava/lang/Object;)[Ljava/lang/Object;");
        code.visitInsn(Opcodes.DUP);
        code.visitInsn(Opcodes.ICONST_0);
        code.visitInsn(Opcodes.AALOAD);
        code.visitTypeInsn(Opcodes.CHECKCAST, "java/net/http/HttpRequest");
        code.visitVarInsn(Opcodes.ASTORE, REQUEST);
        code.visitInsn(Opcodes.DUP);
        code.visitInsn(Opcodes.ICONST_1);
        code.visitInsn(Opcodes.AALOAD);
        code.visitTypeInsn(Opcodes.CHECKCAST, "java/net/http/HttpResponse$BodyHandler");
        code.visitVarInsn(Opcodes.ASTORE, HANDLER);
        code.visitInsn(Opcodes.ICONST_2);
        code.visitInsn(Opcodes.AALOAD);
        code.visitInsn(Opcodes.DUP);
        Label send = new Label();
        code.visitJumpInsn(Opcodes.IFNULL, send);
        code.visitTypeInsn(Opcodes.CHECKCAST, "java/util/concurrent/CompletableFuture");
        code.visitInsn(Opcodes.ARETURN);
        entryFrame(send, "java/lang/Object");
        code.visitInsn(Opcodes.POP);
    }

    @Override
    protected void beforeReturn(int opcode) {
        MethodVisitor code = code();
        code.visitInsn(Opcodes.DUP);
        code.visitVarInsn(Opcodes.ALOAD, HANDLER);
        callBridge("jdkIssued", "(Ljava/lang/Object;Ljava/lang/Object;)V");
    }

    @Override
    protected void onThrow() {
        MethodVisitor code = code();
        code.visitInsn(Opcodes.DUP);
        code.visitVarInsn(Opcodes.ALOAD, HANDLER);
        callBridge("jdkFailed", "(Ljava/lang/Throwable;Ljava/lang/Object;)V");
    }
}
