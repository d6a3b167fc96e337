package io.openrouteraudit.instrument.okhttp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.openrouteraudit.instrument.ClassTransformation;
import java.io.InputStream;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Every OkHttp class the agent hooks has, in the OkHttp the agent is compiled against (3.14),
 * each method a hook is written for; the rewritten classes call the bridge. (4.x and 5.x are
 * loaded and run with the verifier on by the integration tests.)
 */
class OkHttpInstrumentationTest {

    @Test
    void eachHookedClassOfOkHttp314IsRewrittenWithItsBridgeCalls() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        List<ClassTransformation> all = OkHttpInstrumentation.all(loads::incrementAndGet);
        for (ClassTransformation t : all) {
            byte[] original = classFile(t.internalName());
            byte[] rewritten = t.transform(OkHttpInstrumentationTest.class.getClassLoader(), original);
            if (t.internalName().equals(OkHttpInstrumentation.CLIENT)) {
                assertNull(rewritten, "the client class is only a signal, left unchanged");
                continue;
            }

            assertNotNull(rewritten, t.internalName());
            assertArrayEquals(expectedBridgeCalls(t.internalName()), bridgeCallsIn(rewritten).toArray(),
                    t.internalName());
        }
        assertEquals(all.size(), loads.get(), "each class's loading warms the pipeline (once, elsewhere)");
    }

    private static Object[] expectedBridgeCalls(String internalName) {
        return switch (internalName) {
            case OkHttpInstrumentation.EXCHANGE ->
                    new Object[] {"okHttpExchangeFailed", "okHttpRequestHeaders", "okHttpResponseOpened"};
            case OkHttpInstrumentation.REQUEST_BODY_SINK -> new Object[] {"okHttpRequestBody"};
            case OkHttpInstrumentation.RESPONSE_BODY_SOURCE ->
                    new Object[] {"okHttpResponseClosed", "okHttpResponseRead", "okHttpResponseSource"};
            case OkHttpInstrumentation.RETRY_AND_FOLLOW_UP ->
                    new Object[] {"okHttpCallEnded", "okHttpCallStarted"};
            // RealCall as 4.x names it comes from the OkHttp 5 of the agent's own OTLP exporter.
            case OkHttpInstrumentation.TRANSMITTER, OkHttpInstrumentation.REAL_CALL ->
                    new Object[] {"okHttpCallCancelling"};
            default -> throw new AssertionError("unexpected class " + internalName);
        };
    }

    private static byte[] classFile(String internalName) throws Exception {
        try (InputStream in = OkHttpInstrumentationTest.class.getClassLoader()
                .getResourceAsStream(internalName + ".class")) {
            assertNotNull(in, internalName + " on the test class path");
            return in.readAllBytes();
        }
    }

    /** The distinct bridge methods the class calls, sorted. */
    private static List<String> bridgeCallsIn(byte[] classFile) {
        TreeSet<String> calls = new TreeSet<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                        if (owner.equals("io/openrouteraudit/bootstrap/AuditBridge")) {
                            calls.add(method);
                        }
                    }
                };
            }
        }, 0);
        return List.copyOf(calls);
    }
}
