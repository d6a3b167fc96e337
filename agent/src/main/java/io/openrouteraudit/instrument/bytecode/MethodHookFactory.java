package io.openrouteraudit.instrument.bytecode;

import org.objectweb.asm.MethodVisitor;

/** Makes the {@link HookedMethod} for one matched method. */
public interface MethodHookFactory {

    MethodVisitor hook(MethodVisitor target, ClassShape shape, int access, String descriptor);
}
