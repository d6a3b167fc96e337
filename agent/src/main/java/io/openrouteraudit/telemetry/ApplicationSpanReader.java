package io.openrouteraudit.telemetry;

import io.openrouteraudit.capture.CallerSpan;
import io.openrouteraudit.capture.CallerSpanSource;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The application's current span, read through the application's own OpenTelemetry API
 * ({@code io.opentelemetry.api.trace.Span.current()} of any 1.x version) in the calling thread's
 * context class loader. The OpenTelemetry Java agent bridges that API to its own context, so its
 * spans are found the same way; an application without the API of its own (its spans all made
 * by the OpenTelemetry Java agent, e.g. for the incoming request) is read through the agent's
 * shaded copy of the API, which that agent puts on the bootstrap class path. Reflection,
 * because neither API is this agent's own.
 */
public final class ApplicationSpanReader implements CallerSpanSource {

    private static final String SPAN = "io.opentelemetry.api.trace.Span";
    private static final String SPAN_CONTEXT = "io.opentelemetry.api.trace.SpanContext";
    private static final String JAVAAGENT_SHADED = "io.opentelemetry.javaagent.shaded.";

    // Per loader; the value is weak too, as its Methods hold the loader (a strong value would
    // pin a redeployed web application). A collected value is looked up again: microseconds.
    private final Map<ClassLoader, WeakReference<ApiMethods>> byLoader = new WeakHashMap<>();
    private final Map<ClassLoader, Boolean> withoutApi = new WeakHashMap<>();
    // Nearly every call comes from one loader: answered from here, without the maps' lock.
    // (It keeps that one loader reachable, as long as it stays the last one seen.)
    private volatile LastLoader last;

    private record LastLoader(ClassLoader loader, ApiMethods apiOrNull) {
    }

    @Override
    public CallerSpan current() {
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader == null) {
                loader = ClassLoader.getSystemClassLoader();
            }
            LastLoader seen = last;
            ApiMethods api;
            if (seen != null && seen.loader() == loader) {
                api = seen.apiOrNull();
            } else {
                api = methodsFor(loader);
                last = new LastLoader(loader, api);
            }
            return api == null ? null : api.currentSpan();
        } catch (Throwable t) {
            return null;
        }
    }

    private ApiMethods methodsFor(ClassLoader loader) {
        synchronized (byLoader) {
            if (withoutApi.containsKey(loader)) {
                return null;
            }
            WeakReference<ApiMethods> ref = byLoader.get(loader);
            ApiMethods api = ref == null ? null : ref.get();
            if (api != null) {
                return api;
            }
            api = ApiMethods.find(loader, "");
            if (api == null) {
                api = ApiMethods.find(null, JAVAAGENT_SHADED);
            }
            if (api == null) {
                withoutApi.put(loader, Boolean.TRUE);
            } else {
                byLoader.put(loader, new WeakReference<>(api));
            }
            return api;
        }
    }

    /** The few API methods, found once per loader. */
    private record ApiMethods(Method current, Method getSpanContext, Method isValid, Method getTraceId,
                              Method getSpanId, Method isSampled) {

        /** The API in {@code loader} ({@code null}: the bootstrap loader), its package names under {@code prefix}. */
        static ApiMethods find(ClassLoader loader, String prefix) {
            try {
                Class<?> span = Class.forName(prefix + SPAN, false, loader);
                Class<?> context = Class.forName(prefix + SPAN_CONTEXT, false, loader);
                return new ApiMethods(span.getMethod("current"), span.getMethod("getSpanContext"),
                        context.getMethod("isValid"), context.getMethod("getTraceId"),
                        context.getMethod("getSpanId"), context.getMethod("isSampled"));
            } catch (ReflectiveOperationException | LinkageError | SecurityException absent) {
                return null;
            }
        }

        CallerSpan currentSpan() throws ReflectiveOperationException {
            Object span = current.invoke(null);
            if (span == null) {
                return null;
            }
            Object context = getSpanContext.invoke(span);
            if (context == null || !Boolean.TRUE.equals(isValid.invoke(context))) {
                return null;
            }
            String traceId = (String) getTraceId.invoke(context);
            String spanId = (String) getSpanId.invoke(context);
            if (!SpanIds.isTraceId(traceId) || !SpanIds.isSpanId(spanId)) {
                return null;
            }
            return new CallerSpan(traceId, spanId, Boolean.TRUE.equals(isSampled.invoke(context)));
        }
    }
}
