package io.openrouteraudit.instrument;

/** One class, named exactly, and how to rewrite it. */
public interface ClassTransformation {

    /** Internal name, e.g. {@code jdk/internal/net/http/HttpClientImpl}. */
    String internalName();

    /** A cheap check that the defining loader is one this transformation is for. */
    default boolean appliesTo(ClassLoader loader) {
        return true;
    }

    /** Returns the new class file, or {@code null} to leave it unchanged. */
    byte[] transform(ClassLoader loader, byte[] classFile) throws Exception;
}
