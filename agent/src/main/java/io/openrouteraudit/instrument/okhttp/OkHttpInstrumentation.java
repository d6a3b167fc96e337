package io.openrouteraudit.instrument.okhttp;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.openrouteraudit.instrument.AdviceWeaver;
import io.openrouteraudit.instrument.ClassTransformation;
import java.util.List;

/**
 * OkHttp 3.x, 4.x and 5.x: every client is made by {@code OkHttpClient$Builder} (the no-arg
 * {@code OkHttpClient()} makes one too), so the builder is where the agent's interceptor joins.
 */
public final class OkHttpInstrumentation implements ClassTransformation {

    public static final String BUILDER = "okhttp3/OkHttpClient$Builder";

    private final AdviceWeaver weaver;
    private final Runnable onFirstUse;

    public OkHttpInstrumentation(AdviceWeaver weaver, Runnable onFirstUse) {
        this.weaver = weaver;
        this.onFirstUse = onFirstUse;
    }

    @Override
    public String internalName() {
        return BUILDER;
    }

    @Override
    public boolean appliesTo(ClassLoader loader) {
        // OkHttp is an application library: never on the bootstrap or platform loader.
        return loader != null && loader != ClassLoader.getPlatformClassLoader();
    }

    @Override
    public byte[] transform(ClassLoader loader, byte[] classFile) {
        onFirstUse.run();
        return weaver.weave(loader, BUILDER, classFile, List.of(
                new AdviceWeaver.Target(BuilderAdvice.Constructed.class, isConstructor()),
                new AdviceWeaver.Target(BuilderAdvice.Build.class, named("build").and(takesArguments(0)))));
    }
}
