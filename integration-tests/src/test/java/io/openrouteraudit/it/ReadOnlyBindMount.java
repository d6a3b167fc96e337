package io.openrouteraudit.it;

import java.nio.file.Path;

/**
 * A directory made read-only in place while a process uses it: bound onto itself, and that
 * bind remounted read-only. New files cannot be created or opened for writing through the
 * path; what a process opened (or mapped) before keeps working, as with any read-only remount
 * the kernel allows while files are open.
 */
final class ReadOnlyBindMount implements AutoCloseable {

    private final Path dir;

    private ReadOnlyBindMount(Path dir) {
        this.dir = dir;
    }

    static ReadOnlyBindMount over(Path dir) {
        MountCommand.run("mount", "--bind", dir.toString(), dir.toString());
        ReadOnlyBindMount bind = new ReadOnlyBindMount(dir);
        try {
            MountCommand.run("mount", "-o", "remount,bind,ro", dir.toString());
        } catch (AssertionError e) {
            bind.close();
            throw e;
        }
        return bind;
    }

    /** Writable again. */
    @Override
    public void close() {
        MountCommand.run("umount", dir.toString());
    }
}
