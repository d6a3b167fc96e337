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

    public static Object[] jdkSend(Object request, Object bodyHandler) {
        JdkHttpClientHooks hooks = jdkHttpClient;
        if (hooks == null) {
            return null;
        }
        try {
            return hooks.onSend(request, bodyHandler);
        } catch (Throwable ignored) {
            // The application must never see the agent fail.
            return null;
        }
    }

    public static void jdkIssued(Object token, Object responseFuture, Throwable thrown) {
        JdkHttpClientHooks hooks = jdkHttpClient;
        if (hooks == null || token == null) {
            return;
        }
        try {
            hooks.onIssued(token, responseFuture, thrown);
        } catch (Throwable ignored) {
            // The application must never see the agent fail.
        }
    }
}
