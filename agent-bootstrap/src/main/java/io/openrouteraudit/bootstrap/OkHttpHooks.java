package io.openrouteraudit.bootstrap;

/** What advice inlined into {@code okhttp3.OkHttpClient$Builder} may ask of the agent. */
public interface OkHttpHooks {

    /** Makes sure the builder's application interceptors end with the agent's interceptor. */
    void onBuilder(Object builder);
}
