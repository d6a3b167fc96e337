package io.openrouteraudit.instrument;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;

/**
 * Inlines an advice class into the matching methods of one class file. The class keeps its
 * shape (no new fields, methods or initialiser), so the same bytes serve a first load and a
 * retransformation.
 */
public final class AdviceWeaver {

    private final ClassLoader adviceLoader;

    public AdviceWeaver(ClassLoader adviceLoader) {
        this.adviceLoader = adviceLoader;
    }

    public byte[] weave(ClassLoader targetLoader, String internalName, byte[] classFile,
                        Class<?> advice, ElementMatcher<? super MethodDescription> methods) {
        String binaryName = internalName.replace('/', '.');
        ClassFileLocator locator = new ClassFileLocator.Compound(
                ClassFileLocator.Simple.of(binaryName, classFile),
                targetLoader == null
                        ? ClassFileLocator.ForClassLoader.ofBootLoader()
                        : ClassFileLocator.ForClassLoader.of(targetLoader),
                ClassFileLocator.ForClassLoader.of(adviceLoader));
        TypePool pool = TypePool.Default.of(locator);
        TypeDescription type = pool.describe(binaryName).resolve();
        return new ByteBuddy()
                .with(TypeValidation.DISABLED)
                .with(Implementation.Context.Disabled.Factory.INSTANCE)
                .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE)
                .redefine(type, locator)
                .visit(Advice.to(advice, ClassFileLocator.ForClassLoader.of(adviceLoader)).on(methods))
                .make(pool)
                .getBytes();
    }
}
