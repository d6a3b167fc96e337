package io.openrouteraudit.instrument.bytecode;

import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Applies method hooks to one class file. Frames are kept, not recomputed (recomputing would
 * load classes from inside a transformer); only the operand stack and local sizes are.
 */
public final class ClassRewriter {

    /** A method to hook and how. */
    public record Hook(MethodMatch method, MethodHookFactory factory) {
    }

    private ClassRewriter() {
    }

    /**
     * @return the rewritten class file
     * @throws IllegalStateException when a hooked method is missing: the library's shape is not
     *     the one the hooks were written for, and a half-hooked class would audit some calls only
     */
    public static byte[] rewrite(byte[] classFile, List<Hook> hooks) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        HookingVisitor visitor = new HookingVisitor(writer, hooks);
        reader.accept(visitor, ClassReader.EXPAND_FRAMES);
        if (visitor.hooked != hooks.size()) {
            throw new IllegalStateException(reader.getClassName() + ": expected " + hooks.size()
                    + " methods to hook, found " + visitor.hooked);
        }
        return writer.toByteArray();
    }

    private static final class HookingVisitor extends ClassVisitor {
        private final List<Hook> hooks;
        private ClassShape shape;
        int hooked;

        HookingVisitor(ClassVisitor target, List<Hook> hooks) {
            super(Opcodes.ASM9, target);
            this.hooks = hooks;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            shape = new ClassShape(name);
            super.visit(version, access, name, signature, superName, interfaces);
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                                                         Object value) {
            // Fields come before methods in a class file, so hooks can read their descriptors.
            shape.field(name, descriptor);
            return super.visitField(access, name, descriptor, signature, value);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            MethodVisitor target = super.visitMethod(access, name, descriptor, signature, exceptions);
            for (Hook hook : hooks) {
                if (hook.method().matches(name, descriptor)) {
                    hooked++;
                    return hook.factory().hook(target, shape, access, descriptor);
                }
            }
            return target;
        }
    }
}
