package io.openrouteraudit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Settings of every benchmark that writes a Chronicle journal, inherited by JMH: the three JDK
 * grants the agent gives its own loader at run time (see CHRONICLE.md), and iterations long
 * enough to cross the mapped file's chunk boundaries.
 */
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED"})
public abstract class ChronicleBenchmark {

    private Path tempDir;

    /** A journal directory of its own under the temporary directory, not yet created. */
    protected final Path freshJournalDir(String purpose) throws IOException {
        tempDir = Files.createTempDirectory(purpose);
        return tempDir.resolve("journal");
    }

    /** Removes what {@link #freshJournalDir} gave, once the journal is closed. */
    protected final void deleteJournalDir() throws IOException {
        if (tempDir != null) {
            TempDirs.deleteTree(tempDir);
        }
    }
}
