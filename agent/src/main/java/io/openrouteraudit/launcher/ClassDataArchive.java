package io.openrouteraudit.launcher;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The agent jar's class entries, read without {@link java.util.zip.ZipFile}. About 1,300 agent
 * classes load while the application starts; through {@code ZipFile} each costs an entry object,
 * an input stream registered with a cleaner, a fresh inflate buffer and a growing copy, which on
 * a cold JVM takes about twice the CPU of this: one pass over the central directory maps each
 * class to where its bytes lie, and a class is then two reads of the file and one inflate into
 * buffers that are reused.
 *
 * <p>{@link RandomAccessFile}, not a {@code FileChannel}: an application thread that happens to
 * be interrupted while it loads an agent class would close a channel for every later load. Not a
 * memory map either: a jar replaced on disk under a running JVM must fail a load, not the process.
 */
final class ClassDataArchive implements Closeable {

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int CENTRAL_SIGNATURE = 0x02014b50;
    private static final int LOCAL_SIGNATURE = 0x04034b50;
    private static final int END_SIZE = 22;
    private static final int CENTRAL_HEADER_SIZE = 46;
    private static final int LOCAL_HEADER_SIZE = 30;
    private static final int MAX_COMMENT = 0xffff;
    private static final int STORED = 0;
    private static final int DEFLATED = 8;
    private static final int ENCRYPTED_FLAG = 1;

    private final RandomAccessFile file;
    private final Map<String, Entry> entries;
    private final AtomicReference<Reader> idleReader = new AtomicReference<>();

    private ClassDataArchive(RandomAccessFile file, Map<String, Entry> entries) {
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
            Map<String, Entry> entries = index(file, prefix, suffix);
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
        return entries.containsKey(internalName);
    }

    /**
     * The bytes of the class with slash-separated {@code internalName}; null when the jar has no
     * such class. The inflater is back in the pool before this returns: defining the class loads
     * its superclass, and that read wants one too.
     */
    byte[] read(String internalName) throws IOException {
        Entry entry = entries.get(internalName);
        if (entry == null) {
            return null;
        }
        Reader reader = idleReader.getAndSet(null);
        if (reader == null) {
            reader = new Reader();
        }
        try {
            return reader.read(file, entry);
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

    private static Map<String, Entry> index(RandomAccessFile file, String prefix, String suffix) throws IOException {
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
        byte[] prefixBytes = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] suffixBytes = suffix.getBytes(StandardCharsets.UTF_8);
        Map<String, Entry> entries = new HashMap<>(count * 2);
        int at = 0;
        for (int i = 0; i < count; i++) {
            if (at + CENTRAL_HEADER_SIZE > central.length || int32(central, at) != CENTRAL_SIGNATURE) {
                return null;
            }
            int flags = uint16(central, at + 8);
            int method = uint16(central, at + 10);
            long compressedSize = uint32(central, at + 20);
            long size = uint32(central, at + 24);
            int nameLength = uint16(central, at + 28);
            int extraLength = uint16(central, at + 30);
            int commentLength = uint16(central, at + 32);
            long localOffset = uint32(central, at + 42);
            int name = at + CENTRAL_HEADER_SIZE;
            if (name + nameLength > central.length) {
                return null;
            }
            int keyLength = nameLength - prefixBytes.length - suffixBytes.length;
            if (keyLength > 0 && startsWith(central, name, prefixBytes)
                    && startsWith(central, name + nameLength - suffixBytes.length, suffixBytes)) {
                // Every class or none: a lookup that misses here is final.
                if ((flags & ENCRYPTED_FLAG) != 0 || (method != STORED && method != DEFLATED)
                        || compressedSize >= Integer.MAX_VALUE || size >= Integer.MAX_VALUE
                        || localOffset == 0xffffffffL) {
                    return null;
                }
                String key = new String(central, name + prefixBytes.length, keyLength, StandardCharsets.UTF_8);
                entries.put(key, new Entry(localOffset, (int) compressedSize, (int) size, method == DEFLATED));
            }
            at = name + nameLength + extraLength + commentLength;
        }
        return entries;
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] expected) {
        for (int i = 0; i < expected.length; i++) {
            if (bytes[at + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static void readFully(RandomAccessFile file, long position, byte[] into, int offset, int length)
            throws IOException {
        synchronized (file) {
            file.seek(position);
            file.readFully(into, offset, length);
        }
    }

    private static int uint16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static int int32(byte[] b, int at) {
        return uint16(b, at) | uint16(b, at + 2) << 16;
    }

    private static long uint32(byte[] b, int at) {
        return int32(b, at) & 0xffffffffL;
    }

    /** Where one class lies in the jar. */
    private static final class Entry {
        final long localOffset;
        final int compressedSize;
        final int size;
        final boolean deflated;

        Entry(long localOffset, int compressedSize, int size, boolean deflated) {
            this.localOffset = localOffset;
            this.compressedSize = compressedSize;
            this.size = size;
            this.deflated = deflated;
        }
    }

    /** An inflater and a buffer for compressed bytes, for one read at a time. */
    private static final class Reader {
        private final Inflater inflater = new Inflater(true);
        private final byte[] header = new byte[LOCAL_HEADER_SIZE];
        private byte[] compressed = new byte[16 * 1024];

        byte[] read(RandomAccessFile file, Entry entry) throws IOException {
            readFully(file, entry.localOffset, header, 0, LOCAL_HEADER_SIZE);
            if (int32(header, 0) != LOCAL_SIGNATURE) {
                throw new IOException("not a local entry header at " + entry.localOffset);
            }
            long data = entry.localOffset + LOCAL_HEADER_SIZE + uint16(header, 26) + uint16(header, 28);
            byte[] bytes = new byte[entry.size];
            if (!entry.deflated) {
                readFully(file, data, bytes, 0, entry.size);
                return bytes;
            }
            // One byte more than the entry: raw inflate may ask for input past the last block.
            if (compressed.length < entry.compressedSize + 1) {
                compressed = new byte[entry.compressedSize + 1];
            }
            readFully(file, data, compressed, 0, entry.compressedSize);
            compressed[entry.compressedSize] = 0;
            inflater.reset();
            inflater.setInput(compressed, 0, entry.compressedSize + 1);
            int filled = 0;
            try {
                while (filled < entry.size) {
                    int n = inflater.inflate(bytes, filled, entry.size - filled);
                    if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                        throw new IOException("entry at " + entry.localOffset + " inflates to " + filled
                                + " bytes, not " + entry.size);
                    }
                    filled += n;
                }
            } catch (DataFormatException e) {
                throw new IOException("entry at " + entry.localOffset + " is not valid deflate data", e);
            }
            return bytes;
        }

        void end() {
            inflater.end();
        }
    }
}
