package io.openrouteraudit.apps;

/** One thing {@link OkHttpClientApp} does with OkHttp, writing what it saw to the transcript. */
@FunctionalInterface
interface OkHttpScenario {
    void run(OkHttpContext context) throws Exception;
}
