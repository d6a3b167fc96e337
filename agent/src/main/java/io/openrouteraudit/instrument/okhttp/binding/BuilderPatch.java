package io.openrouteraudit.instrument.okhttp.binding;

import java.util.Iterator;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * Keeps exactly one audit interceptor, last among a builder's application interceptors: the
 * application's own interceptors run first and keep their order, and the agent sees the
 * request they produced (an auth interceptor's header included) and hands the response back
 * to them.
 */
public final class BuilderPatch {

    private BuilderPatch() {
    }

    public static void ensureLast(Object builderObject, Object interceptorObject) {
        OkHttpClient.Builder builder = (OkHttpClient.Builder) builderObject;
        Interceptor ours = (Interceptor) interceptorObject;
        List<Interceptor> interceptors = builder.interceptors();
        int size = interceptors.size();
        if (size > 0 && interceptors.get(size - 1) == ours && countOfOurs(interceptors) == 1) {
            return;
        }
        // OkHttp 4/5's Builder(OkHttpClient) runs the no-arg constructor first (which adds ours)
        // and then copies the client's list (which ends with ours): drop every copy, add one.
        for (Iterator<Interceptor> it = interceptors.iterator(); it.hasNext(); ) {
            if (it.next() instanceof AuditInterceptor) {
                it.remove();
            }
        }
        interceptors.add(ours);
    }

    private static int countOfOurs(List<Interceptor> interceptors) {
        int n = 0;
        for (Interceptor i : interceptors) {
            if (i instanceof AuditInterceptor) {
                n++;
            }
        }
        return n;
    }
}
