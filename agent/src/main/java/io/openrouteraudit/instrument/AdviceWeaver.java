package io.openrouteraudit.instrument;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import java.util.List;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
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

    /** One advice class and the methods it goes into. */
    public record Target(Class<?> advice, ElementMatcher<? super MethodDescription> methods) {
    }

    public byte[] weave(ClassLoader targetLoader, String internalName, byte[] classFile,
                        Class<?> advice, ElementMatcher<? super MethodDescription> methods) {
        return weave(targetLoader, internalName, classFile, List.of(new Target(advice, methods)));
    }

    public byte[] weave(ClassLoader targetLoader, String internalName, byte[] classFile, List<Target> targets) {
        String binaryName = internalName.replace('/', '.');
        ClassFileLocator locator = new ClassFileLocator.Compound(
                ClassFileLocator.Simple.of(binaryName, classFile),
                targetLoader == null
                        ? ClassFileLocator.ForClassLoader.ofBootLoader()
                        : ClassFileLocator.ForClassLoader.of(targetLoader),
                ClassFileLocator.ForClassLoader.of(adviceLoader));
        TypePool pool = TypePool.Default.of(locator);
        TypeDescription type = pool.describe(binaryName).resolve();
        DynamicType.Builder<?> builder = new ByteBuddy()
                .with(TypeValidation.DISABLED)
                .with(Implementation.Context.Disabled.Factory.INSTANCE)
                .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE)
                .redefine(type, locator);
        ClassFileLocator adviceClasses = ClassFileLocator.ForClassLoader.of(adviceLoader);
        for (Target target : targets) {
            builder = builder.visit(Advice.to(target.advice(), adviceClasses).on(target.methods()));
        }
        return builder.make(pool).getBytes();
    }
}
