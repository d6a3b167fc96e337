package io.openrouteraudit.instrument.bytecode;

import java.lang.reflect.Constructor;
import org.objectweb.asm.MethodVisitor;

/** Makes the {@link HookedMethod} for one matched method. */
public interface MethodHookFactory {

    MethodVisitor hook(MethodVisitor target, ClassShape shape, int access, String descriptor);

    /**
     * A factory calling {@code hookClass}'s constructor {@code (MethodVisitor, ClassShape, int,
     * String)}, which may be private. Reflection, not a lambda per hook: the factories are made
     * in premain, where each lambda would spin a class, and this runs only when a class is hooked.
     */
    static MethodHookFactory of(Class<? extends HookedMethod> hookClass) {
        return new ReflectiveHookFactory(hookClass);
    }

    /** See {@link #of}. */
    final class ReflectiveHookFactory implements MethodHookFactory {
        private final Class<? extends HookedMethod> hookClass;

        ReflectiveHookFactory(Class<? extends HookedMethod> hookClass) {
            this.hookClass = hookClass;
        }

        @Override
        public MethodVisitor hook(MethodVisitor target, ClassShape shape, int access, String descriptor) {
            try {
                Constructor<? extends HookedMethod> constructor = hookClass.getDeclaredConstructor(
                        MethodVisitor.class, ClassShape.class, int.class, String.class);
                constructor.setAccessible(true);
                return constructor.newInstance(target, shape, access, descriptor);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make hook " + hookClass.getName(), e);
            }
        }
    }
}
