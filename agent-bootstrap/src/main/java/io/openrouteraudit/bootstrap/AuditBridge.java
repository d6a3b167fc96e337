package io.openrouteraudit.bootstrap;

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

    public static void okHttpBuilder(Object builder) {
        OkHttpHooks hooks = okHttp;
        if (hooks == null) {
            return;
        }
        try {
            hooks.onBuilder(builder);
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
