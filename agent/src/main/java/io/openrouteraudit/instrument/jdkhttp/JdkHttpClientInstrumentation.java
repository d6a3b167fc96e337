package io.openrouteraudit.instrument.jdkhttp;

import io.openrouteraudit.instrument.ClassTransformation;
import io.openrouteraudit.instrument.bytecode.ClassRewriter;
import java.util.List;

/** The JDK HttpClient: one private method of {@code HttpClientImpl} sees every call. */
public final class JdkHttpClientInstrumentation implements ClassTransformation {

    public static final String CLIENT_IMPL = "jdk/internal/net/http/HttpClientImpl";

    private static final List<ClassRewriter.Hook> HOOKS =
            List.of(new ClassRewriter.Hook(SendAsyncHook.METHOD, SendAsyncHook.FACTORY));

    private final Runnable onFirstUse;

    public JdkHttpClientInstrumentation(Runnable onFirstUse) {
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
        return ClassRewriter.rewrite(classFile, HOOKS);
    }
}
