package io.openrouteraudit.instrument.bytecode;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites one method: a prologue before its first instruction, a call before each return
 * with the returned value on the stack, and a catch-all handler, added after the method's own
 * handlers so it sees only what leaves the method, that calls out and rethrows.
 *
 * <p>Subclasses emit their code through {@link #code()}, which bypasses these hooks. The class
 * must be read with {@code ClassReader.EXPAND_FRAMES}: the frames this class inserts are
 * expanded ones, and ASM wants one kind in a method.
 */
public abstract class HookedMethod extends MethodVisitor {

    private static final String BRIDGE = "io/openrouteraudit/bootstrap/AuditBridge";

    private final ClassShape shape;
    private final Object[] entryLocals;
    private final boolean hooksThrows;
    private final Label tryStart = new Label();
    private final Label tryEnd = new Label();
    private final Label handler = new Label();
    private boolean begun;

    /**
     * @param hooksThrows whether to add the catch-all handler; never for a constructor, whose
     *     {@code this} is not initialised at its start
     */
    protected HookedMethod(MethodVisitor target, ClassShape shape, int access, String descriptor, boolean hooksThrows) {
        super(Opcodes.ASM9, target);
        this.shape = shape;
        this.entryLocals = FrameLocals.atEntry(shape.internalName(), (access & Opcodes.ACC_STATIC) != 0, descriptor);
        this.hooksThrows = hooksThrows;
    }

    /** The prologue, if any. May branch to {@link #entryFrame} labels; leaves the stack empty. */
    protected void onEnter() {
    }

    /** Before a return instruction of this opcode; the returned value, if any, is on the stack and must stay. */
    protected void beforeReturn(int opcode) {
    }

    /** The throwable leaving the method is on the stack and must stay there. */
    protected void onThrow() {
    }

    /** The visitor that writes code without passing through these hooks. */
    protected final MethodVisitor code() {
        return mv;
    }

    /** Pushes {@code this.name}. */
    protected final void loadOwnField(String name) {
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitFieldInsn(Opcodes.GETFIELD, shape.internalName(), name, shape.fieldDescriptor(name));
    }

    /** Pushes reference argument {@code index} (0 is {@code this} in an instance method). */
    protected final void loadReference(int index) {
        mv.visitVarInsn(Opcodes.ALOAD, index);
    }

    /** Calls a static method of the bootstrap bridge. */
    protected final void callBridge(String method, String descriptor) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, method, descriptor, false);
    }

    /** Places {@code label} with a frame of the entry locals and the given stack: a join point in the prologue. */
    protected final void entryFrame(Label label, Object... stack) {
        mv.visitLabel(label);
        mv.visitFrame(Opcodes.F_NEW, entryLocals.length, entryLocals.clone(), stack.length, stack);
    }

    private void begin() {
        if (begun) {
            return;
        }
        begun = true;
        if (hooksThrows) {
            // The method's own handlers were visited before its first instruction, so ours comes
            // after them in the table and they keep precedence.
            mv.visitTryCatchBlock(tryStart, tryEnd, handler, "java/lang/Throwable");
        }
        onEnter();
        mv.visitLabel(tryStart);
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        begin();
        super.visitFrame(type, numLocal, local, numStack, stack);
    }

    @Override
    public void visitLabel(Label label) {
        begin();
        super.visitLabel(label);
    }

    @Override
    public void visitLineNumber(int line, Label start) {
        begin();
        super.visitLineNumber(line, start);
    }

    @Override
    public void visitInsn(int opcode) {
        begin();
        if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
            beforeReturn(opcode);
        }
        super.visitInsn(opcode);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        begin();
        super.visitIntInsn(opcode, operand);
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
        begin();
        super.visitVarInsn(opcode, varIndex);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        begin();
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        begin();
        super.visitFieldInsn(opcode, owner, name, descriptor);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        begin();
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, org.objectweb.asm.Handle bootstrapMethodHandle,
                                       Object... bootstrapMethodArguments) {
        begin();
        super.visitInvokeDynamicInsn(name, descriptor, bootstrapMethodHandle, bootstrapMethodArguments);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        begin();
        super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitLdcInsn(Object value) {
        begin();
        super.visitLdcInsn(value);
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
        begin();
        super.visitIincInsn(varIndex, increment);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        begin();
        super.visitTableSwitchInsn(min, max, dflt, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        begin();
        super.visitLookupSwitchInsn(dflt, keys, labels);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        begin();
        super.visitMultiANewArrayInsn(descriptor, numDimensions);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        if (hooksThrows) {
            mv.visitLabel(tryEnd);
            entryFrame(handler, "java/lang/Throwable");
            onThrow();
            mv.visitInsn(Opcodes.ATHROW);
        }
        // The writer recomputes both (COMPUTE_MAXS).
        super.visitMaxs(maxStack, maxLocals);
    }
}
