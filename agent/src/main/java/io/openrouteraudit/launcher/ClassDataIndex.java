package io.openrouteraudit.launcher;

/**
 * Class name to entry, over the jar's central directory as read from the file. It is built in
 * premain, on the application's main thread, so it costs one pass over each name and no object
 * per entry: an open-addressed table of entry numbers, keyed by the name's {@code String} hash,
 * and the names compared in place in the directory's bytes.
 */
final class ClassDataIndex {

    static final int STORED = 0;
    static final int DEFLATED = 8;
    private static final int CENTRAL_SIGNATURE = 0x02014b50;
    private static final int CENTRAL_HEADER_SIZE = 46;
    private static final int ENCRYPTED_FLAG = 1;

    private final byte[] central;
    private final int[] slots;
    private final int[] keyStart;
    private final int[] keyLength;
    private final int[] localOffset;
    private final int[] compressedSize;
    private final int[] size;
    private final boolean[] deflated;

    private ClassDataIndex(byte[] central, int count) {
        this.central = central;
        this.slots = new int[Integer.highestOneBit(Math.max(count, 1) * 2) * 2];
        this.keyStart = new int[count];
        this.keyLength = new int[count];
        this.localOffset = new int[count];
        this.compressedSize = new int[count];
        this.size = new int[count];
        this.deflated = new boolean[count];
    }

    /**
     * The entries named {@code prefix + key + suffix} of a central directory of {@code count}
     * entries; null when one of them is beyond this reader (zip64, encrypted, another method, a
     * name not in ASCII), and the caller reads the jar through ZipFile.
     */
    static ClassDataIndex of(byte[] central, int count, byte[] prefix, byte[] suffix) {
        ClassDataIndex index = new ClassDataIndex(central, count);
        int entries = 0;
        int at = 0;
        for (int i = 0; i < count; i++) {
            if (at + CENTRAL_HEADER_SIZE > central.length || ClassDataArchive.int32(central, at) != CENTRAL_SIGNATURE) {
                return null;
            }
            int nameLength = ClassDataArchive.uint16(central, at + 28);
            int name = at + CENTRAL_HEADER_SIZE;
            int next = name + nameLength + ClassDataArchive.uint16(central, at + 30)
                    + ClassDataArchive.uint16(central, at + 32);
            if (next > central.length) {
                return null;
            }
            int length = nameLength - prefix.length - suffix.length;
            if (length > 0 && regionEquals(central, name + nameLength - suffix.length, suffix)
                    && regionEquals(central, name, prefix)) {
                if (!index.add(entries, at, name + prefix.length, length)) {
                    return null;
                }
                entries++;
            }
            at = next;
        }
        return index;
    }

    private boolean add(int entry, int header, int start, int length) {
        int flags = ClassDataArchive.uint16(central, header + 8);
        int method = ClassDataArchive.uint16(central, header + 10);
        int compressed = ClassDataArchive.int32(central, header + 20);
        int uncompressed = ClassDataArchive.int32(central, header + 24);
        int local = ClassDataArchive.int32(central, header + 42);
        // Every class or none: a lookup that misses here is final. Negative: 2 GB and more, or zip64.
        if ((flags & ENCRYPTED_FLAG) != 0 || (method != STORED && method != DEFLATED)
                || compressed < 0 || uncompressed < 0 || local < 0) {
            return false;
        }
        int hash = 0;
        int bits = 0;
        for (int i = start; i < start + length; i++) {
            byte b = central[i];
            hash = 31 * hash + b;
            bits |= b;
        }
        if (bits < 0) {
            return false; // not ASCII: its String hash is not this one
        }
        keyStart[entry] = start;
        keyLength[entry] = length;
        localOffset[entry] = local;
        compressedSize[entry] = compressed;
        size[entry] = uncompressed;
        deflated[entry] = method == DEFLATED;
        int mask = slots.length - 1;
        int slot = hash & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = entry + 1;
        return true;
    }

    /** The entry of the class with slash-separated {@code internalName}, or -1. */
    int find(String internalName) {
        int mask = slots.length - 1;
        for (int slot = internalName.hashCode() & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            int entry = slots[slot] - 1;
            if (nameEquals(entry, internalName)) {
                return entry;
            }
        }
        return -1;
    }

    private boolean nameEquals(int entry, String name) {
        int length = keyLength[entry];
        if (length != name.length()) {
            return false;
        }
        int start = keyStart[entry];
        for (int i = 0; i < length; i++) {
            if (central[start + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean regionEquals(byte[] bytes, int at, byte[] expected) {
        for (int i = 0; i < expected.length; i++) {
            if (bytes[at + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    long localOffset(int entry) {
        return localOffset[entry];
    }

    int compressedSize(int entry) {
        return compressedSize[entry];
    }

    int size(int entry) {
        return size[entry];
    }

    boolean deflated(int entry) {
        return deflated[entry];
    }
}
