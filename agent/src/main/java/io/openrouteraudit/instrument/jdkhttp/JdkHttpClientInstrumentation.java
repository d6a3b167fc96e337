package io.openrouteraudit.instrument.jdkhttp;

import static net.bytebuddy.matcher.ElementMatchers.isPrivate;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.openrouteraudit.instrument.AdviceWeaver;
import io.openrouteraudit.instrument.ClassTransformation;

/** The JDK HttpClient: one private method of {@code HttpClientImpl} sees every call. */
public final class JdkHttpClientInstrumentation implements ClassTransformation {

    public static final String CLIENT_IMPL = "jdk/internal/net/http/HttpClientImpl";

    private final AdviceWeaver weaver;
    private final Runnable onFirstUse;

    public JdkHttpClientInstrumentation(AdviceWeaver weaver, Runnable onFirstUse) {
        this.weaver = weaver;
        this.onFirstUse = onFirstUse;
    }

    @Override
    public String internalName() {
        return CLIENT_IMPL;
    }

    @Override
    public boolean appliesTo(ClassLoader loader) {
        // java.net.http is defined to the platform loader; a class of this name anywhere else
        // is not the JDK's.
        return loader == ClassLoader.getPlatformClassLoader();
    }

    @Override
    public byte[] transform(ClassLoader loader, byte[] classFile) {
        // The application is about to make HTTP calls: warm the pipeline in the background.
        onFirstUse.run();
        return weaver.weave(loader, CLIENT_IMPL, classFile, SendAsyncAdvice.class,
                named("sendAsync").and(takesArguments(4)).and(isPrivate()));
    }
}
