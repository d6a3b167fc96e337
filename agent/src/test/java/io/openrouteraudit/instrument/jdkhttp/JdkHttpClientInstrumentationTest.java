package io.openrouteraudit.instrument.jdkhttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The running JDK's own {@code HttpClientImpl} has the method the hook is written for, and the
 * rewritten class calls the bridge where it should. (The integration tests load it on JDK 17
 * and 25 with the verifier on.)
 */
class JdkHttpClientInstrumentationTest {

    @Test
    void theRunningJdksClientIsRewrittenWithOneSendAndOneIssuedCallPerReturn() throws Exception {
        byte[] original;
        try (InputStream in = ClassLoader.getPlatformClassLoader()
                .getResourceAsStream(JdkHttpClientInstrumentation.CLIENT_IMPL + ".class")) {
            assertNotNull(in, "HttpClientImpl.class of the running JDK");
            original = in.readAllBytes();
        }
        AtomicInteger firstRun = new AtomicInteger();
        byte[] rewritten = new JdkHttpClientInstrumentation(firstRun::incrementAndGet)
                .transform(ClassLoader.getPlatformClassLoader(), original);

        assertEquals(1, firstRun.get(), "the pipeline is warmed once the client class loads");
        BridgeCalls calls = BridgeCalls.in(rewritten);
        assertEquals(1, calls.send, "one jdkSend, in the prologue");
        assertEquals(1, calls.failed, "one jdkFailed, in the catch-all handler");
        assertTrue(calls.issued >= 1 && calls.issued == calls.returnsInSendAsync - 1,
                "a jdkIssued before each of the method's own returns (not the refusal's): " + calls);
    }

    /** Counts, inside the hooked method, the calls to the bridge and the returns. */
    private static final class BridgeCalls extends ClassVisitor {
        int send;
        int issued;
        int failed;
        int returnsInSendAsync;

        private BridgeCalls() {
            super(Opcodes.ASM9);
        }

        static BridgeCalls in(byte[] classFile) {
            BridgeCalls calls = new BridgeCalls();
            new ClassReader(classFile).accept(calls, 0);
            return calls;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            if (!SendAsyncHook.METHOD.name().equals(name) || !SendAsyncHook.METHOD.descriptors().contains(descriptor)) {
                return null;
            }
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                    if (owner.equals("io/openrouteraudit/bootstrap/AuditBridge")) {
                        switch (method) {
                            case "jdkSend" -> send++;
                            case "jdkIssued" -> issued++;
                            case "jdkFailed" -> failed++;
                            default -> throw new AssertionError("unexpected bridge call " + method);
                        }
                    }
                }

                @Override
                public void visitInsn(int opcode) {
                    if (opcode == Opcodes.ARETURN) {
                        returnsInSendAsync++;
                    }
                }
            };
        }

        @Override
        public String toString() {
            return "send=" + send + " issued=" + issued + " failed=" + failed + " returns=" + returnsInSendAsync;
        }
    }
}
