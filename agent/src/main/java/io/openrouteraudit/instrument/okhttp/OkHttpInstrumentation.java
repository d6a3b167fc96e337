package io.openrouteraudit.instrument.okhttp;

import io.openrouteraudit.instrument.ClassTransformation;
import io.openrouteraudit.instrument.bytecode.ClassRewriter;
import io.openrouteraudit.instrument.bytecode.ClassRewriter.Hook;
import java.util.List;

/**
 * OkHttp 3.14.x, 4.x and 5.x, observed below the interceptor chain: the network exchange, its
 * two body streams, the first of OkHttp's own interceptors, and the call's cancel. The classes
 * and members named here have the same names in all three lines (but where a cancel runs); nothing the application or its interceptors are
 * handed is replaced or wrapped.
 */
public final class OkHttpInstrumentation implements ClassTransformation {

    public static final String CLIENT = "okhttp3/OkHttpClient";
    public static final String EXCHANGE = "okhttp3/internal/connection/Exchange";
    public static final String REQUEST_BODY_SINK = EXCHANGE + "$RequestBodySink";
    public static final String RESPONSE_BODY_SOURCE = EXCHANGE + "$ResponseBodySource";
    public static final String RETRY_AND_FOLLOW_UP = "okhttp3/internal/http/RetryAndFollowUpInterceptor";
    /** What a call's cancel runs: the 3.14 call hands it to its transmitter (3.14 only). */
    public static final String TRANSMITTER = "okhttp3/internal/connection/Transmitter";
    /** The call itself in 4.x and 5.x. */
    public static final String REAL_CALL = "okhttp3/internal/connection/RealCall";

    private static final String OPENTELEMETRY_JAVAAGENT_LOADER = "io.opentelemetry.javaagent.bootstrap.AgentClassLoader";

    private final String internalName;
    private final List<Hook> hooks;
    private final Runnable onLoad;

    private OkHttpInstrumentation(String internalName, List<Hook> hooks, Runnable onLoad) {
        this.internalName = internalName;
        this.hooks = hooks;
        this.onLoad = onLoad;
    }

    /** Every OkHttp class the agent rewrites, and the client class whose loading warms the journal. */
    public static List<ClassTransformation> all(Runnable onFirstUse) {
        return List.of(
                // Loaded when the application makes its first client, well before the first
                // call: only a signal, the class is left as it is.
                new OkHttpInstrumentation(CLIENT, List.of(), onFirstUse),
                new OkHttpInstrumentation(EXCHANGE, List.of(
                        new Hook(ExchangeHooks.WRITE_REQUEST_HEADERS, ExchangeHooks.RequestHeaders.FACTORY),
                        new Hook(ExchangeHooks.OPEN_RESPONSE_BODY, ExchangeHooks.ResponseOpened.FACTORY),
                        new Hook(ExchangeHooks.TRACK_FAILURE, ExchangeHooks.Failure.FACTORY)), onFirstUse),
                new OkHttpInstrumentation(REQUEST_BODY_SINK, List.of(
                        new Hook(BodyStreamHooks.SINK_WRITE, BodyStreamHooks.RequestWrite.FACTORY)), onFirstUse),
                new OkHttpInstrumentation(RESPONSE_BODY_SOURCE, List.of(
                        new Hook(BodyStreamHooks.SOURCE_CONSTRUCTOR, BodyStreamHooks.ResponseSourceMade.FACTORY),
                        new Hook(BodyStreamHooks.SOURCE_READ, BodyStreamHooks.ResponseRead.FACTORY),
                        new Hook(BodyStreamHooks.SOURCE_CLOSE, BodyStreamHooks.ResponseClose.FACTORY)), onFirstUse),
                new OkHttpInstrumentation(RETRY_AND_FOLLOW_UP, List.of(
                        new Hook(CallHook.INTERCEPT, CallHook.FACTORY)), onFirstUse),
                new OkHttpInstrumentation(TRANSMITTER, List.of(
                        new Hook(CancelHook.CANCEL, CancelHook.OfTransmitter.FACTORY)), onFirstUse),
                new OkHttpInstrumentation(REAL_CALL, List.of(
                        new Hook(CancelHook.CANCEL, CancelHook.FACTORY)), onFirstUse));
    }

    @Override
    public String internalName() {
        return internalName;
    }

    @Override
    public boolean appliesTo(ClassLoader loader) {
        // OkHttp is an application library: never on the bootstrap or platform loader. (The
        // agent's own loader is excluded by ExactNameTransformer for every transformation.)
        // The OpenTelemetry Java agent carries its own OkHttp for its exporter: that traffic is
        // another agent's, not the application's.
        return loader != null && loader != ClassLoader.getPlatformClassLoader()
                && !OPENTELEMETRY_JAVAAGENT_LOADER.equals(loader.getClass().getName());
    }

    @Override
    public byte[] transform(ClassLoader loader, byte[] classFile) {
        onLoad.run();
        if (hooks.isEmpty()) {
            return null;
        }
        return ClassRewriter.rewrite(classFile, hooks);
    }
}
