package io.openrouteraudit.instrument.okhttp;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the agent's OkHttp binding lives for one application class loader: it must see that
 * loader's OkHttp, Okio and Kotlin (to call their APIs on the objects OkHttp hands the hooks)
 * and the agent's own capture classes, and nothing else of the application. So it has two parents: the OkHttp
 * loader for {@code okhttp3.}, {@code okio.} and {@code kotlin.}, the agent loader for the rest.
 * The binding classes themselves are defined here from the agent jar's bytes.
 */
final class BindingClassLoader extends ClassLoader {

    static final String BINDING_PACKAGE = "io.openrouteraudit.instrument.okhttp.binding.";

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader okHttpLoader;
    private final ClassLoader agentLoader;

    BindingClassLoader(ClassLoader okHttpLoader, ClassLoader agentLoader) {
        super("openrouter-audit-okhttp", ClassLoader.getPlatformClassLoader());
        this.okHttpLoader = okHttpLoader;
        this.agentLoader = agentLoader;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                if (name.startsWith(BINDING_PACKAGE)) {
                    c = findClass(name);
                } else if (name.startsWith("okhttp3.") || name.startsWith("okio.") || name.startsWith("kotlin.")) {
                    c = okHttpLoader.loadClass(name);
                } else if (name.startsWith("java.") || name.startsWith("javax.")) {
                    c = super.loadClass(name, false);
                } else {
                    c = agentLoader.loadClass(name);
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        try (InputStream in = agentLoader.getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }
}
