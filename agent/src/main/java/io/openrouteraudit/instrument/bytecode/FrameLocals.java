package io.openrouteraudit.instrument.bytecode;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The verifier's view of a method's locals at its entry ({@code this} and the parameters), in
 * the form {@link org.objectweb.asm.MethodVisitor#visitFrame} takes for an expanded frame.
 */
final class FrameLocals {

    private FrameLocals() {
    }

    static Object[] atEntry(String owner, boolean isStatic, String descriptor) {
        Type[] parameters = Type.getArgumentTypes(descriptor);
        Object[] locals = new Object[parameters.length + (isStatic ? 0 : 1)];
        int i = 0;
        if (!isStatic) {
            locals[i++] = owner;
        }
        for (Type parameter : parameters) {
            locals[i++] = verifierType(parameter);
        }
        return locals;
    }

    private static Object verifierType(Type type) {
        switch (type.getSort()) {
            case Type.BOOLEAN:
            case Type.BYTE:
            case Type.CHAR:
            case Type.SHORT:
            case Type.INT:
                return Opcodes.INTEGER;
            case Type.LONG:
                return Opcodes.LONG;
            case Type.FLOAT:
                return Opcodes.FLOAT;
            case Type.DOUBLE:
                return Opcodes.DOUBLE;
            default:
                return type.getInternalName();
        }
    }
}
