package io.openrouteraudit.launcher;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The agent jar's class entries, read without {@link java.util.zip.ZipFile}. About 1,300 agent
 * classes load while the application starts; through {@code ZipFile} each costs an entry object,
 * an input stream registered with a cleaner, a fresh inflate buffer and a growing copy, which on
 * a cold JVM takes about half as much again as this: one pass over the central directory (see
 * {@link ClassDataIndex}) says where each class lies, and a class is then two reads of the file
 * and one inflate, with a reused inflater, into an array of the class's exact size.
 *
 * <p>{@link RandomAccessFile}, not a {@code FileChannel}: an application thread that happens to
 * be interrupted while it loads an agent class would close a channel for every later load. Not a
 * memory map either: a jar replaced on disk under a running JVM must fail a load, not the process.
 */
final class ClassDataArchive implements Closeable {

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int LOCAL_SIGNATURE = 0x04034b50;
    private static final int END_SIZE = 22;
    private static final int LOCAL_HEADER_SIZE = 30;
    private static final int MAX_COMMENT = 0xffff;

    private final RandomAccessFile file;
    private final ClassDataIndex entries;
    private final AtomicReference<Reader> idleReader = new AtomicReference<>();

    private ClassDataArchive(RandomAccessFile file, ClassDataIndex entries) {
        this.file = file;
        this.entries = entries;
    }

    /**
     * Indexes the entries named {@code prefix + binary/name + suffix}; null when the jar is not
     * a plain zip this reader understands (zip64, say), and the caller reads through ZipFile.
     */
    static ClassDataArchive open(File jar, String prefix, String suffix) throws IOException {
        RandomAccessFile file = new RandomAccessFile(jar, "r");
        try {
            ClassDataIndex entries = index(file, prefix, suffix);
            if (entries == null) {
                file.close();
                return null;
            }
            return new ClassDataArchive(file, entries);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** Whether the jar has the class with slash-separated {@code internalName}. */
    boolean contains(String internalName) {
        return entries.find(internalName) >= 0;
    }

    /**
     * The bytes of the class with slash-separated {@code internalName}; null when the jar has no
     * such class. The inflater is back in the pool before this returns: defining the class loads
     * its superclass, and that read wants one too.
     */
    byte[] read(String internalName) throws IOException {
        int entry = entries.find(internalName);
        if (entry < 0) {
            return null;
        }
        Reader reader = idleReader.getAndSet(null);
        if (reader == null) {
            reader = new Reader();
        }
        try {
            return reader.read(file, entries.localOffset(entry), entries.compressedSize(entry),
                    entries.size(entry), entries.deflated(entry));
        } finally {
            if (!idleReader.compareAndSet(null, reader)) {
                reader.end();
            }
        }
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    private static ClassDataIndex index(RandomAccessFile file, String prefix, String suffix) throws IOException {
        long length = file.length();
        int tailLength = (int) Math.min(length, END_SIZE + MAX_COMMENT);
        byte[] tail = new byte[tailLength];
        readFully(file, length - tailLength, tail, 0, tailLength);
        int end = -1;
        for (int i = tailLength - END_SIZE; i >= 0; i--) {
            if (int32(tail, i) == END_SIGNATURE) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return null;
        }
        int count = uint16(tail, end + 10);
        long centralSize = uint32(tail, end + 12);
        long centralOffset = uint32(tail, end + 16);
        if (count == 0xffff || centralSize == 0xffffffffL || centralOffset == 0xffffffffL
                || centralOffset + centralSize > length || centralSize > Integer.MAX_VALUE) {
            return null;
        }
        byte[] central = new byte[(int) centralSize];
        readFully(file, centralOffset, central, 0, central.length);
        return ClassDataIndex.of(central, count, prefix.getBytes(StandardCharsets.US_ASCII),
                suffix.getBytes(StandardCharsets.US_ASCII));
    }

    private static void readFully(RandomAccessFile file, long position, byte[] into, int offset, int length)
            throws IOException {
        synchronized (file) {
            file.seek(position);
            file.readFully(into, offset, length);
        }
    }

    static int uint16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    static int int32(byte[] b, int at) {
        return uint16(b, at) | uint16(b, at + 2) << 16;
    }

    private static long uint32(byte[] b, int at) {
        return int32(b, at) & 0xffffffffL;
    }

    /** An inflater and a buffer for compressed bytes, for one read at a time. */
    private static final class Reader {
        private final Inflater inflater = new Inflater(true);
        private final byte[] header = new byte[LOCAL_HEADER_SIZE];
        private byte[] compressed = new byte[16 * 1024];

        byte[] read(RandomAccessFile file, long localOffset, int compressedSize, int size, boolean deflated)
                throws IOException {
            readFully(file, localOffset, header, 0, LOCAL_HEADER_SIZE);
            if (int32(header, 0) != LOCAL_SIGNATURE) {
                throw new IOException("not a local entry header at " + localOffset);
            }
            long data = localOffset + LOCAL_HEADER_SIZE + uint16(header, 26) + uint16(header, 28);
            byte[] bytes = new byte[size];
            if (!deflated) {
                readFully(file, data, bytes, 0, size);
                return bytes;
            }
            // One byte more than the entry: raw inflate may ask for input past the last block.
            if (compressed.length < compressedSize + 1) {
                compressed = new byte[compressedSize + 1];
            }
            readFully(file, data, compressed, 0, compressedSize);
            compressed[compressedSize] = 0;
            inflater.reset();
            inflater.setInput(compressed, 0, compressedSize + 1);
            int filled = 0;
            try {
                while (filled < size) {
                    int n = inflater.inflate(bytes, filled, size - filled);
                    if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                        throw new IOException("entry at " + localOffset + " inflates to " + filled
                                + " bytes, not " + size);
                    }
                    filled += n;
                }
            } catch (DataFormatException e) {
                throw new IOException("entry at " + localOffset + " is not valid deflate data", e);
            }
            return bytes;
        }

        void end() {
            inflater.end();
        }
    }
}
