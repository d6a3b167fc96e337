package io.openrouteraudit.instrument.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Hooks rewritten into a real class, which is then defined with the verifier on: the methods
 * behave as before, each hook runs when it should, and the method's own handlers keep
 * precedence over the catch-all one.
 */
class HookedMethodTest {

    private static final String SAMPLE = Sample.class.getName();
    private static final String EVENTS = HookEvents.class.getName().replace('.', '/');

    @BeforeEach
    void clear() {
        HookEvents.clear();
    }

    @Test
    void everyReturnIsSeenWithItsValueAndTheResultIsUnchanged() throws Exception {
        Object sample = rewrittenSample(List.of(
                hook("choose", "(Ljava/lang/String;I)Ljava/lang/String;")));
        assertEquals("abab", call(sample, "choose", "ab", 2));
        assertEquals("none", call(sample, "choose", null, 2));
        assertEquals(List.of("enter choose", "return abab", "enter choose", "return none"), HookEvents.all());
    }

    @Test
    void theMethodsOwnHandlerStillCatchesFirst() throws Exception {
        Object sample = rewrittenSample(List.of(hook("parseOrMinusOne", "(Ljava/lang/String;)I")));
        assertEquals(-1, call(sample, "parseOrMinusOne", "x"));
        assertEquals(42, call(sample, "parseOrMinusOne", "42"));
        assertEquals(List.of("enter parseOrMinusOne", "return -1", "enter parseOrMinusOne", "return 42"),
                HookEvents.all());
    }

    @Test
    void aThrowableLeavingTheMethodIsSeenAndRethrownUnchanged() throws Exception {
        Object sample = rewrittenSample(List.of(hook("sum", "(JD[I)J")));
        assertEquals(10L, call(sample, "sum", 3L, 2.5d, new int[] {1, 4}));
        InvocationTargetException e = assertThrows(InvocationTargetException.class,
                () -> call(sample, "sum", 1L, 1d, null));
        assertTrue(e.getCause() instanceof IOException);
        assertEquals("no rest", e.getCause().getMessage());
        assertEquals(List.of("enter sum", "return 10", "enter sum", "throw no rest"), HookEvents.all());
    }

    @Test
    void staticVoidMethodsAreHookedToo() throws Exception {
        Object sample = rewrittenSample(List.of(hook("touch", "(Ljava/lang/StringBuilder;)V")));
        StringBuilder target = new StringBuilder("a");
        call(sample, "touch", target);
        assertEquals("axx", target.toString());
        assertEquals(List.of("enter touch", "return"), HookEvents.all());
    }

    @Test
    void aMissingMethodIsAnErrorNotAHalfHookedClass() throws Exception {
        byte[] original = sampleBytes();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ClassRewriter.rewrite(original, List.of(hook("absent", "()V"))));
        assertTrue(e.getMessage().contains("expected 1 methods to hook, found 0"), e.getMessage());
    }

    private static ClassRewriter.Hook hook(String name, String descriptor) {
        return new ClassRewriter.Hook(MethodMatch.of(name, descriptor), new RecordingHookFactory(name));
    }

    private static Object rewrittenSample(List<ClassRewriter.Hook> hooks) throws Exception {
        byte[] rewritten = ClassRewriter.rewrite(sampleBytes(), hooks);
        Class<?> type = new SingleClassLoader(SAMPLE, rewritten).loadClass(SAMPLE);
        return type.getConstructor().newInstance();
    }

    private static Object call(Object target, String name, Object... args) throws Exception {
        for (Method m : target.getClass().getMethods()) {
            if (m.getName().equals(name)) {
                return m.invoke(target, args);
            }
        }
        throw new AssertionError("no method " + name);
    }

    private static byte[] sampleBytes() throws IOException {
        try (InputStream in = Sample.class.getResourceAsStream("Sample.class")) {
            return in.readAllBytes();
        }
    }

    /** Defines one class itself (child-first for it only), so the rewritten bytes are the ones run and verified. */
    private static final class SingleClassLoader extends ClassLoader {
        private final String name;
        private final byte[] bytes;

        SingleClassLoader(String name, byte[] bytes) {
            super(HookedMethodTest.class.getClassLoader());
            this.name = name;
            this.bytes = bytes;
        }

        @Override
        protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
            if (className.equals(name)) {
                synchronized (getClassLoadingLock(className)) {
                    Class<?> loaded = findLoadedClass(className);
                    return loaded != null ? loaded : defineClass(className, bytes, 0, bytes.length);
                }
            }
            return super.loadClass(className, resolve);
        }
    }

    /** Hooks that report to {@link HookEvents}: the shape of every hook the agent writes. */
    private static final class RecordingHookFactory implements MethodHookFactory {
        private final String method;

        RecordingHookFactory(String method) {
            this.method = method;
        }

        @Override
        public MethodVisitor hook(MethodVisitor target, ClassShape shape, int access, String descriptor) {
            return new HookedMethod(target, shape, access, descriptor, true) {
                @Override
                protected void onEnter() {
                    code().visitLdcInsn("enter " + method);
                    code().visitMethodInsn(Opcodes.INVOKESTATIC, EVENTS, "add", "(Ljava/lang/String;)V", false);
                }

                @Override
                protected void beforeReturn(int opcode) {
                    MethodVisitor code = code();
                    switch (opcode) {
                        case Opcodes.RETURN -> {
                            code.visitLdcInsn("return");
                            code.visitMethodInsn(Opcodes.INVOKESTATIC, EVENTS, "add", "(Ljava/lang/String;)V", false);
                        }
                        case Opcodes.LRETURN -> {
                            code.visitInsn(Opcodes.DUP2);
                            code.visitMethodInsn(Opcodes.INVOKESTATIC, EVENTS, "returned", "(J)V", false);
                        }
                        case Opcodes.IRETURN -> {
                            code.visitInsn(Opcodes.DUP);
                            code.visitMethodInsn(Opcodes.INVOKESTATIC, EVENTS, "returned", "(I)V", false);
                        }
                        default -> {
                            code.visitInsn(Opcodes.DUP);
                            code.visitMethodInsn(Opcodes.INVOKESTATIC, EVENTS, "returned", "(Ljava/lang/Object;)V", false);
                        }
                    }
                }

                @Override
                protected void onThrow() {
                    code().visitInsn(Opcodes.DUP);
                    code().visitMethodInsn(Opcodes.INVOKESTATIC, EVENTS, "thrown", "(Ljava/lang/Throwable;)V", false);
                }
            };
        }
    }
}
