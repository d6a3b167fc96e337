package io.openrouteraudit.cli.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The page being written: a temporary file beside the target, created before the journal is
 * read (so an unwritable {@code --out} fails at once), moved over the target when complete
 * (so a failed run never leaves half a report, nor destroys an older one).
 */
public final class ReportFile implements AutoCloseable {

    private final Path target;
    private final Path temporary;
    private boolean committed;

    private ReportFile(Path target, Path temporary) {
        this.target = target;
        this.temporary = temporary;
    }

    /** Checks that {@code target} can be written and reserves its temporary sibling. */
    public static ReportFile create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            throw new IOException("cannot write " + target + ": it is a directory");
        }
        if (Files.exists(absolute) && !Files.isWritable(absolute)) {
            throw new IOException("cannot write " + target + ": permission denied");
        }
        Path parent = absolute.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new IOException("cannot write " + target + ": directory " + parent + " does not exist");
        }
        try {
            return new ReportFile(absolute, Files.createTempFile(parent, "." + absolute.getFileName() + ".", ".tmp"));
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + describe(e), e);
        }
    }

    public Path target() {
        return target;
    }

    /** Writes the page into the temporary file. */
    public void write(ReportPage page) throws IOException {
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temporary),
                StandardCharsets.UTF_8), 1 << 16)) {
            page.writeTo(w);
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + describe(e), e);
        }
    }

    /** Puts the written page in place of the target. */
    public void commit() throws IOException {
        try {
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + describe(e), e);
        }
    }

    /** Removes the temporary file unless the page was committed. */
    @Override
    public void close() {
        if (!committed) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // a stray temporary file is harmless
            }
        }
    }

    static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return String.valueOf(e.getMessage());
    }
}
