package io.openrouteraudit.apps;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps an application alive, collecting garbage, until the test says it has seen what it
 * waited for: the test creates the file named by the system property {@value #STOP_FILE}.
 * Bounded, so an application left alone still ends by itself.
 */
final class GarbageCollectionWait {

    static final String STOP_FILE = "apps.stop-file";
    private static final long PATIENCE_MILLIS = 60_000;
    private static final long ROUND_MILLIS = 100;

    private GarbageCollectionWait() {
    }

    static void collectUntilStopped(Transcript transcript) throws InterruptedException {
        String stopFile = System.getProperty(STOP_FILE);
        if (stopFile == null) {
            transcript.note("no " + STOP_FILE + " given: not waiting");
            return;
        }
        long deadline = System.nanoTime() + PATIENCE_MILLIS * 1_000_000L;
        while (System.nanoTime() < deadline) {
            System.gc();
            if (Files.exists(Path.of(stopFile))) {
                transcript.note("told to stop");
                return;
            }
            Thread.sleep(ROUND_MILLIS);
        }
        transcript.note("never told to stop");
    }
}
