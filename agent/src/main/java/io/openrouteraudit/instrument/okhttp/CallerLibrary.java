package io.openrouteraudit.instrument.okhttp;

/**
 * The {@code client} of a call that travels through OkHttp: the outermost library that made it.
 * The OpenAI Java SDK sends its Stainless headers and its own user agent on every request it
 * makes through OkHttp; everything else is OkHttp's own.
 */
public final class CallerLibrary {

    public static final String OKHTTP = "okhttp";
    public static final String OPENAI_JAVA = "openai-java";

    private CallerLibrary() {
    }

    public static String of(String stainlessLangHeader, String userAgent) {
        if (stainlessLangHeader != null || (userAgent != null && userAgent.startsWith("OpenAI"))) {
            return OPENAI_JAVA;
        }
        return OKHTTP;
    }
}
