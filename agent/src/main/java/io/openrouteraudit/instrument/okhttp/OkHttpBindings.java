package io.openrouteraudit.instrument.okhttp;

import io.openrouteraudit.bootstrap.OkHttpHooks;
import io.openrouteraudit.capture.ExchangeTracker;
import io.openrouteraudit.config.AuditConfig;
import java.io.IOException;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * One observer per class loader that defines OkHttp (an application server may have several),
 * made on the first exchange that loader's OkHttp runs, and defined in a {@link BindingClassLoader}
 * so that it sees exactly that OkHttp. Each hook goes to the observer of the loader that defined
 * the OkHttp object it is about.
 */
public final class OkHttpBindings implements OkHttpHooks {

    private static final String OBSERVER = BindingClassLoader.BINDING_PACKAGE + "NetworkExchangeObserver";

    private final AuditConfig config;
    private final ExchangeTracker tracker;
    private final ClassLoader agentLoader;
    // Weak keys: a redeployed application's loader can still go away.
    private final Map<ClassLoader, OkHttpHooks> observers = new WeakHashMap<>();
    // The common case is one OkHttp: the hooks run per body chunk, so skip the lookup for it.
    private volatile LastUsed lastUsed;

    private record LastUsed(ClassLoader okHttpLoader, OkHttpHooks observer) {
    }

    public OkHttpBindings(AuditConfig config, ExchangeTracker tracker, ClassLoader agentLoader) {
        this.config = config;
        this.tracker = tracker;
        this.agentLoader = agentLoader;
    }

    @Override
    public IOException beforeRequestHeaders(Object exchange, Object call, Object request) {
        return observerOf(exchange).beforeRequestHeaders(exchange, call, request);
    }

    @Override
    public void requestBodyWritten(Object exchange, Object buffer, long byteCount) {
        observerOf(exchange).requestBodyWritten(exchange, buffer, byteCount);
    }

    @Override
    public void responseBodyOpened(Object exchange, Object response, Object body) {
        observerOf(exchange).responseBodyOpened(exchange, response, body);
    }

    @Override
    public void responseSourceMade(Object source, Object exchange) {
        observerOf(exchange).responseSourceMade(source, exchange);
    }

    @Override
    public void responseBodyRead(Object exchange, Object buffer, long read) {
        observerOf(exchange).responseBodyRead(exchange, buffer, read);
    }

    @Override
    public void responseBodyClosed(Object exchange) {
        observerOf(exchange).responseBodyClosed(exchange);
    }

    @Override
    public void exchangeFailed(Object exchange, Object call, IOException failure) {
        observerOf(exchange).exchangeFailed(exchange, call, failure);
    }

    @Override
    public void callStarted(Object chain) {
        observerOf(chain).callStarted(chain);
    }

    @Override
    public void callEnded(Object chain, Throwable thrown) {
        observerOf(chain).callEnded(chain, thrown);
    }

    @Override
    public void callCancelling(Object call) {
        observerOf(call).callCancelling(call);
    }

    /** {@code okHttpObject}'s class is one of OkHttp's own: its loader is the one that defines OkHttp. */
    private OkHttpHooks observerOf(Object okHttpObject) {
        ClassLoader okHttpLoader = okHttpObject.getClass().getClassLoader();
        LastUsed last = lastUsed;
        if (last != null && last.okHttpLoader() == okHttpLoader) {
            return last.observer();
        }
        OkHttpHooks observer = observerFor(okHttpLoader);
        lastUsed = new LastUsed(okHttpLoader, observer);
        return observer;
    }

    private synchronized OkHttpHooks observerFor(ClassLoader okHttpLoader) {
        OkHttpHooks observer = observers.get(okHttpLoader);
        if (observer == null) {
            observer = newObserver(okHttpLoader);
            observers.put(okHttpLoader, observer);
        }
        return observer;
    }

    private OkHttpHooks newObserver(ClassLoader okHttpLoader) {
        try {
            ClassLoader loader = new BindingClassLoader(okHttpLoader, agentLoader);
            return (OkHttpHooks) loader.loadClass(OBSERVER)
                    .getConstructor(AuditConfig.class, ExchangeTracker.class)
                    .newInstance(config, tracker);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot bind to OkHttp in " + okHttpLoader, e);
        }
    }
}
