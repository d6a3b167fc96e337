package io.openrouteraudit.instrument.okhttp;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.openrouteraudit.instrument.AdviceWeaver;
import io.openrouteraudit.instrument.ClassTransformation;
import java.util.List;

/**
 * OkHttp 3.14.x, 4.x and 5.x, observed below the interceptor chain: the network exchange, its
 * two body streams, and the first of OkHttp's own interceptors. The classes and members named
 * here have the same names in all three lines; nothing the application or its interceptors are
 * handed is replaced or wrapped.
 */
public final class OkHttpInstrumentation implements ClassTransformation {

    public static final String CLIENT = "okhttp3/OkHttpClient";
    public static final String EXCHANGE = "okhttp3/internal/connection/Exchange";
    public static final String REQUEST_BODY_SINK = EXCHANGE + "$RequestBodySink";
    public static final String RESPONSE_BODY_SOURCE = EXCHANGE + "$ResponseBodySource";
    public static final String RETRY_AND_FOLLOW_UP = "okhttp3/internal/http/RetryAndFollowUpInterceptor";

    private final String internalName;
    private final AdviceWeaver weaver;
    private final List<AdviceWeaver.Target> targets;
    private final Runnable onLoad;

    private OkHttpInstrumentation(String internalName, AdviceWeaver weaver, List<AdviceWeaver.Target> targets,
                                  Runnable onLoad) {
        this.internalName = internalName;
        this.weaver = weaver;
        this.targets = targets;
        this.onLoad = onLoad;
    }

    /** Every OkHttp class the agent rewrites, and the client class whose loading warms the journal. */
    public static List<ClassTransformation> all(AdviceWeaver weaver, Runnable onFirstUse) {
        return List.of(
                // Loaded when the application makes its first client, well before the first
                // call: only a signal, the class is left as it is.
                new OkHttpInstrumentation(CLIENT, weaver, List.of(), onFirstUse),
                new OkHttpInstrumentation(EXCHANGE, weaver, List.of(
                        new AdviceWeaver.Target(ExchangeAdvice.RequestHeaders.class,
                                named("writeRequestHeaders").and(takesArguments(1))),
                        new AdviceWeaver.Target(ExchangeAdvice.ResponseOpened.class,
                                named("openResponseBody").and(takesArguments(1))),
                        new AdviceWeaver.Target(ExchangeAdvice.Failure.class,
                                named("trackFailure").and(takesArguments(1)))), onFirstUse),
                new OkHttpInstrumentation(REQUEST_BODY_SINK, weaver, List.of(
                        new AdviceWeaver.Target(BodyStreamAdvice.RequestWrite.class,
                                named("write").and(takesArguments(2)))), onFirstUse),
                new OkHttpInstrumentation(RESPONSE_BODY_SOURCE, weaver, List.of(
                        new AdviceWeaver.Target(BodyStreamAdvice.ResponseSourceMade.class, isConstructor()),
                        new AdviceWeaver.Target(BodyStreamAdvice.ResponseRead.class,
                                named("read").and(takesArguments(2))),
                        new AdviceWeaver.Target(BodyStreamAdvice.ResponseClose.class,
                                named("close").and(takesArguments(0)))), onFirstUse),
                new OkHttpInstrumentation(RETRY_AND_FOLLOW_UP, weaver, List.of(
                        new AdviceWeaver.Target(CallAdvice.class, named("intercept").and(takesArguments(1)))),
                        onFirstUse));
    }

    @Override
    public String internalName() {
        return internalName;
    }

    @Override
    public boolean appliesTo(ClassLoader loader) {
        // OkHttp is an application library: never on the bootstrap or platform loader. (The
        // agent's own loader is excluded by ExactNameTransformer for every transformation.)
        return loader != null && loader != ClassLoader.getPlatformClassLoader();
    }

    @Override
    public byte[] transform(ClassLoader loader, byte[] classFile) {
        onLoad.run();
        if (targets.isEmpty()) {
            return null;
        }
        return weaver.weave(loader, internalName, classFile, targets);
    }
}
