package io.openrouteraudit.journal;

import java.nio.file.Path;

/**
 * Chronicle picks a scratch directory once, when its {@code OS} class initialises: the
 * {@code project.build.directory} property, else the nearest {@code target} or {@code build}
 * directory above the working directory, else {@code <tmp>/target}, which it creates. An
 * audit agent must not leave directories in the application's tree or in {@code /tmp}, so
 * before Chronicle's first use the property points into the journal directory (owner-only),
 * and is removed again as soon as the choice is made.
 */
final class ChronicleScratchDirectory {

    private static final String PROPERTY = "project.build.directory";
    private static final String CHRONICLE_OS = "net.openhft.chronicle.core.OS";

    private ChronicleScratchDirectory() {
    }

    /** For the writer: scratch space inside the journal directory. */
    static void confineTo(Path journalDir) {
        choose(journalDir.resolve(".chronicle"));
    }

    /**
     * For the command line, which must not write into a journal it only reads: a private
     * temporary directory, removed when the JVM exits (Chronicle leaves it empty).
     */
    static void confineToTemporary() {
        try {
            Path scratch = java.nio.file.Files.createTempDirectory("openrouter-audit-chronicle");
            scratch.toFile().deleteOnExit();
            scratch.resolve("tmp").toFile().deleteOnExit();
            choose(scratch);
        } catch (java.io.IOException e) {
            // Chronicle falls back to its own choice.
        }
    }

    private static void choose(Path scratch) {
        if (System.getProperty(PROPERTY) != null) {
            return; // the operator chose one; Chronicle will honour it
        }
        System.setProperty(PROPERTY, scratch.toString());
        try {
            Class.forName(CHRONICLE_OS, true, ChronicleScratchDirectory.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // Chronicle will fail to open the queue as well, and say why there.
        } finally {
            System.clearProperty(PROPERTY);
        }
    }
}
