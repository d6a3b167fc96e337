package io.openrouteraudit.apps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * How a test holds a forked application at a point until it has done something from outside
 * (attached an agent, seen its spans arrive): the application waits until a file exists. A file
 * rather than stdin, because the forked JVMs read stdin from the null device. Bounded, so an
 * application whose test went away still ends on its own.
 */
public final class ReleaseFile {

    static final long MAX_WAIT_MILLIS = TimeUnit.MINUTES.toMillis(2);
    private static final long POLL_MILLIS = 20;

    private ReleaseFile() {
    }

    /** Returns once {@code file} exists, or after {@link #MAX_WAIT_MILLIS}. */
    public static void await(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MILLIS);
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
        }
    }
}
