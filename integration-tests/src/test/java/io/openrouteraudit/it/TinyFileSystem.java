package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A small tmpfs mounted by the test, so that a journal directory can really be read-only or
 * really full - {@code chmod} stops nobody when the tests run as root (see {@link MountCommand}).
 * Made full by a filler file written until the file system refuses more, and given room again
 * by deleting it.
 */
final class TinyFileSystem implements AutoCloseable {

    private final Path mountPoint;
    private final Path filler;

    private TinyFileSystem(Path mountPoint) {
        this.mountPoint = mountPoint;
        this.filler = mountPoint.resolve("filler");
    }

    /** Mounts a tmpfs of {@code megabytes} at {@code mountPoint} (created if missing), read-only if asked. */
    static TinyFileSystem mount(Path mountPoint, int megabytes, boolean readOnly) throws IOException {
        Files.createDirectories(mountPoint);
        MountCommand.run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m,mode=700" + (readOnly ? ",ro" : ""),
                "tmpfs", mountPoint.toString());
        return new TinyFileSystem(mountPoint);
    }

    Path path() {
        return mountPoint;
    }

    /** Only while no process has a file open for writing on it (the kernel refuses otherwise). */
    void remountWritable() {
        MountCommand.run("mount", "-o", "remount,rw", mountPoint.toString());
    }

    /** Fills every free byte with a filler file; returns how many bytes that took. */
    long fill() throws IOException {
        long written = 0;
        ByteBuffer block = ByteBuffer.allocate(64 * 1024);
        try (FileChannel out = FileChannel.open(filler, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            while (true) {
                block.clear();
                try {
                    written += out.write(block);
                } catch (IOException full) {
                    break;
                }
            }
        }
        // The last partial block: byte by byte, until not even one more fits.
        try (FileChannel out = FileChannel.open(filler, StandardOpenOption.APPEND)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            while (true) {
                one.clear();
                try {
                    written += out.write(one);
                } catch (IOException full) {
                    break;
                }
            }
        }
        if (Files.getFileStore(mountPoint).getUsableSpace() != 0) {
            fail("the tmpfs at " + mountPoint + " still has room after the filler");
        }
        return written;
    }

    /** Gives the room back. */
    void drain() throws IOException {
        Files.deleteIfExists(filler);
    }

    /**
     * Unmounts lazily: a process killed a moment ago may still hold a mapping, and the mount
     * must go either way.
     */
    @Override
    public void close() {
        MountCommand.run("umount", "-l", mountPoint.toString());
    }
}
