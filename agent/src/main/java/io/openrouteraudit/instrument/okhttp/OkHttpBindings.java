package io.openrouteraudit.instrument.okhttp;

import io.openrouteraudit.bootstrap.OkHttpHooks;
import io.openrouteraudit.capture.ExchangeTracker;
import io.openrouteraudit.config.AuditConfig;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * One binding per class loader that defines OkHttp (an application server may have several),
 * made on the first builder that loader creates: the interceptor instance and the method that
 * puts it last among the builder's application interceptors.
 */
public final class OkHttpBindings implements OkHttpHooks {

    private static final String INTERCEPTOR = BindingClassLoader.BINDING_PACKAGE + "AuditInterceptor";
    private static final String PATCH = BindingClassLoader.BINDING_PACKAGE + "BuilderPatch";

    private final AuditConfig config;
    private final ExchangeTracker tracker;
    private final ClassLoader agentLoader;
    // Weak keys: a redeployed application's loader can still go away.
    private final Map<ClassLoader, Binding> bindings = new WeakHashMap<>();

    private record Binding(Object interceptor, Method ensureLast) {
    }

    public OkHttpBindings(AuditConfig config, ExchangeTracker tracker, ClassLoader agentLoader) {
        this.config = config;
        this.tracker = tracker;
        this.agentLoader = agentLoader;
    }

    @Override
    public void onBuilder(Object builder) {
        Binding binding = bindingFor(builder.getClass().getClassLoader());
        try {
            binding.ensureLast().invoke(null, builder, binding.interceptor());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized Binding bindingFor(ClassLoader okHttpLoader) {
        Binding binding = bindings.get(okHttpLoader);
        if (binding == null) {
            binding = newBinding(okHttpLoader);
            bindings.put(okHttpLoader, binding);
        }
        return binding;
    }

    private Binding newBinding(ClassLoader okHttpLoader) {
        try {
            ClassLoader loader = new BindingClassLoader(okHttpLoader, agentLoader);
            Object interceptor = loader.loadClass(INTERCEPTOR)
                    .getConstructor(AuditConfig.class, ExchangeTracker.class)
                    .newInstance(config, tracker);
            Method ensureLast = loader.loadClass(PATCH).getMethod("ensureLast", Object.class, Object.class);
            return new Binding(interceptor, ensureLast);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot bind to OkHttp in " + okHttpLoader, e);
        }
    }
}
