package io.openrouteraudit.bootstrap;

import java.io.IOException;

/**
 * Static entry points that advice inlined into library and JDK classes calls, from any class
 * loader. The agent registers its implementations at start-up; until then, and whenever an
 * implementation fails, every entry point answers "leave the call alone".
 *
 * <p>This is the one place with static mutable state: advice has no other way to find the agent.
 */
public final class AuditBridge {

    private static volatile JdkHttpClientHooks jdkHttpClient;
    private static volatile OkHttpHooks okHttp;

    private AuditBridge() {
    }

    public static void registerJdkHttpClient(JdkHttpClientHooks hooks) {
        jdkHttpClient = hooks;
    }

    public static void registerOkHttp(OkHttpHooks hooks) {
        okHttp = hooks;
    }

    /** {@code null} to go on, or the exception that refuses the request (never thrown here). */
    public static IOException okHttpRequestHeaders(Object exchange, Object call, Object request) {
        OkHttpHooks hooks = okHttp;
        if (hooks == null) {
            return null;
        }
        try {
            return hooks.beforeRequestHeaders(exchange, call, request);
        } catch (Throwable ignored) {
            // The application must never see the agent fail.
            return null;
        }
    }

    public static void okHttpRequestBody(Object exchange, Object buffer, long byteCount) {
        OkHttpHooks hooks = okHttp;
        if (hooks == null) {
            return;
        }
        try {
            hooks.requestBodyWritten(exchange, buffer, byteCount);
        } catch (Throwable ignored) {
            // The application must never see the agent fail.
        }
    }

    /** Parameters in the order the hook has them on the stack: the returned body first. */
    public static void okHttpResponseOpened(Object body, Object exchange, Object response) {
        OkHttpHooks hooks = okHttp;
        if (hooks == null) {
            return;
        }
        try {
            hooks.responseBodyOpened(exchange, response, body);
        } catch (Throwable ignored) {
            // The application must never see the agent fail.
        }
    }

    public static void okHttpResponseSource(Object source, Object exchange) {
        OkHttpHooks hooks = okHttp;
        if (hooks == null) {
            return;
        }
        try {
            hooks.responseSourceMade(source, exchange);
        } catch (Throwable ignored) {
            // The application must never see the agent fail.
        }
    }

    /** Parameters in the order the hook has them on the stack: the returned count first. */
    public static void okHttpResponseRead(long read, Object exchange, Object buffer) {
        OkHttpHooks hooks = okHttp;
        if (hooks == null || read == 0) {
            return;
        }
        try {
            hooks.responseBodyRead(exchange, buffer, read);
        } catch (Throwable ignored) {
            // The application must never see the agent fail.
        }
    }

    public static void okHttpResponseClosed(Object exchange) {
        OkHttpHooks hooks = okHttp;
        if (hooks == null) {
            return;
        }
        try {
            hooks.responseBodyClosed(exchange);
        } catch (Throwable ignored) {
            // The application must never see the agent fail.
        }
    }

    public static void okHttpExchangeFailed(Object exchange, Object call, IOException failure) {
        OkHttpHooks hooks = okHttp;
        if (hooks == null) {
            return;
        }
        try {
            hooks.exchangeFailed(exchange, call, failure);
        } catch (Throwable ignored) {
            // The application must never see the agent fail.
        }
    }

    public static void okHttpCallStarted(Object chain) {
        OkHttpHooks hooks = okHttp;
        if (hooks == null) {
            return;
        }
        try {
            hooks.callStarted(chain);
        } catch (Throwable ignored) {
            // The application must never see the agent fail.
        }
    }

    public static void okHttpCallCancelling(Object call) {
        OkHttpHooks hooks = okHttp;
        if (hooks == null) {
            return;
        }
        try {
            hooks.callCancelling(call);
        } catch (Throwable ignored) {
            // The application must never see the agent fail.
        }
    }

    /** {@code thrown} is null when the trip returned a response. */
    public static void okHttpCallEnded(Object chain, Throwable thrown) {
        OkHttpHooks hooks = okHttp;
        if (hooks == null) {
            return;
        }
        try {
            hooks.callEnded(chain, thrown);
        } catch (Throwable ignored) {
            // The application must never see the agent fail.
        }
    }

    /**
     * Always {@code {request, bodyHandler, refusal}}: the request and handler the JDK client
     * should go on with (the same ones unless the call is audited), and a future to return
     * instead of sending anything, or {@code null}.
     */
    public static Object[] jdkSend(Object request, Object bodyHandler) {
        JdkHttpClientHooks hooks = jdkHttpClient;
        if (hooks != null) {
            try {
                Object[] swap = hooks.onSend(request, bodyHandler);
                if (swap != null && swap.length == 3) {
                    return swap;
                }
            } catch (Throwable ignored) {
                // The application must never see the agent fail.
            }
        }
        return new Object[] {request, bodyHandler, null};
    }

    /** {@code sendAsync} returned {@code responseFuture}; the handler tells whether the call is audited. */
    public static void jdkIssued(Object responseFuture, Object bodyHandler) {
        JdkHttpClientHooks hooks = jdkHttpClient;
        if (hooks == null) {
            return;
        }
        try {
            hooks.onIssued(bodyHandler, responseFuture, null);
        } catch (Throwable ignored) {
            // The application must never see the agent fail.
        }
    }

    /** {@code sendAsync} is throwing {@code thrown}. */
    public static void jdkFailed(Throwable thrown, Object bodyHandler) {
        JdkHttpClientHooks hooks = jdkHttpClient;
        if (hooks == null) {
            return;
        }
        try {
            hooks.onIssued(bodyHandler, null, thrown);
        } catch (Throwable ignored) {
            // The application must never see the agent fail.
        }
    }
}
