package io.openrouteraudit.launcher;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The agent jar's class entries, read without {@link java.util.zip.ZipFile}. About 1,300 agent
 * classes load while the application starts; through {@code ZipFile} each costs an entry object,
 * an input stream registered with a cleaner, a fresh inflate buffer and a growing copy, which on
 * a cold JVM takes about half as much again as this: one pass over the central directory (see
 * {@link ClassDataIndex}) says where each class lies, and a class is then two reads of the file
 * and one inflate, with a reused inflater, into a reused array that is handed to the definer and
 * taken back once the class is defined. Nothing per class is left on the application's heap,
 * where the 6 MB of class bytes read at start would bring a short process's first young
 * collections forward.
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
    // Defining a class loads its superclass and interfaces, each a read of its own while the first
    // one's bytes are still in use: a few readers are kept, one per level of such nesting.
    private static final int POOLED_READERS = 8;

    private final RandomAccessFile file;
    private final ClassDataIndex entries;
    private final AtomicReferenceArray<Reader> idleReaders = new AtomicReferenceArray<>(POOLED_READERS);

    /** What is done with a class's bytes while they are lent: {@code bytes[0, length)}, valid only during the call. */
    interface ClassBytes<T> {
        T use(byte[] bytes, int length);
    }

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
     * Lends the bytes of the class with slash-separated {@code internalName} to {@code use} and
     * returns what it returns; null when the jar has no such class. The array is reused for
     * another class once {@code use} returns, so it must not be kept.
     */
    <T> T withClassBytes(String internalName, ClassBytes<T> use) throws IOException {
        int entry = entries.find(internalName);
        if (entry < 0) {
            return null;
        }
        Reader reader = borrowReader();
        try {
            byte[] bytes = reader.read(file, entries.localOffset(entry), entries.compressedSize(entry),
                    entries.size(entry), entries.deflated(entry));
            return use.use(bytes, entries.size(entry));
        } finally {
            returnReader(reader);
        }
    }

    private Reader borrowReader() {
        for (int i = 0; i < POOLED_READERS; i++) {
            Reader idle = idleReaders.get(i);
            if (idle != null && idleReaders.compareAndSet(i, idle, null)) {
                return idle;
            }
        }
        return new Reader();
    }

    private void returnReader(Reader reader) {
        for (int i = 0; i < POOLED_READERS; i++) {
            if (idleReaders.get(i) == null && idleReaders.compareAndSet(i, null, reader)) {
                return;
            }
        }
        reader.end();
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

    /** An inflater and buffers for compressed and class bytes, for one read at a time. */
    private static final class Reader {
        // A class larger than this gets an array of its own rather than growing a pooled one.
        private static final int MAX_POOLED_CLASS_BYTES = 128 * 1024;

        private final Inflater inflater = new Inflater(true);
        private final byte[] header = new byte[LOCAL_HEADER_SIZE];
        private byte[] compressed = new byte[16 * 1024];
        private byte[] classBytes = new byte[32 * 1024];

        /** The class's bytes in {@code [0, size)} of the returned array, which may be longer. */
        byte[] read(RandomAccessFile file, long localOffset, int compressedSize, int size, boolean deflated)
                throws IOException {
            readFully(file, localOffset, header, 0, LOCAL_HEADER_SIZE);
            if (int32(header, 0) != LOCAL_SIGNATURE) {
                throw new IOException("not a local entry header at " + localOffset);
            }
            long data = localOffset + LOCAL_HEADER_SIZE + uint16(header, 26) + uint16(header, 28);
            byte[] bytes = classBuffer(size);
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

        private byte[] classBuffer(int size) {
            if (size > MAX_POOLED_CLASS_BYTES) {
                return new byte[size];
            }
            if (classBytes.length < size) {
                classBytes = new byte[Math.min(MAX_POOLED_CLASS_BYTES, Math.max(size, classBytes.length * 2))];
            }
            return classBytes;
        }

        void end() {
            inflater.end();
        }
    }
}
