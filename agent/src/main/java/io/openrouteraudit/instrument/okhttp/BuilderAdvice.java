package io.openrouteraudit.instrument.okhttp;

import io.openrouteraudit.bootstrap.AuditBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code okhttp3.OkHttpClient$Builder}: after each constructor (so that
 * {@code new OkHttpClient()} is covered) and before {@code build()} (so that the agent's
 * interceptor is the last application interceptor, whatever the application added since).
 */
public final class BuilderAdvice {

    private BuilderAdvice() {
    }

    /** After {@code Builder()} and {@code Builder(OkHttpClient)}. */
    public static final class Constructed {
        private Constructed() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.This Object builder) {
            AuditBridge.okHttpBuilder(builder);
        }
    }

    /** Before {@code build()}. */
    public static final class Build {
        private Build() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter(@Advice.This Object builder) {
            AuditBridge.okHttpBuilder(builder);
        }
    }
}
