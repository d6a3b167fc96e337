package io.openrouteraudit.journal;

import java.util.Arrays;

/**
 * A reusable byte buffer that a journal line is encoded into once: the canonical prefix, then
 * the hash suffix, with no intermediate strings. Encodes exactly as {@code
 * String.getBytes(UTF_8)} does (a lone surrogate becomes {@code '?'}), because the chain
 * verifier re-encodes what it reads that way. Not thread-safe: one per writer, under its lock.
 */
final class Utf8LineBuffer {

    private byte[] bytes;
    private int length;

    Utf8LineBuffer(int initialCapacity) {
        bytes = new byte[initialCapacity];
    }

    void clear() {
        length = 0;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    Utf8LineBuffer append(CharSequence text) {
        int n = text.length();
        // three bytes per char covers every char of the BMP and every surrogate pair (4 bytes for 2 chars)
        ensureRoom(n * 3);
        byte[] b = bytes;
        int at = length;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                b[at++] = (byte) c;
            } else if (c < 0x800) {
                b[at++] = (byte) (0xC0 | (c >> 6));
                b[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                char low = i + 1 < n ? text.charAt(i + 1) : 0;
                if (Character.isHighSurrogate(c) && Character.isLowSurrogate(low)) {
                    int cp = Character.toCodePoint(c, low);
                    b[at++] = (byte) (0xF0 | (cp >> 18));
                    b[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    b[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    b[at++] = (byte) (0x80 | (cp & 0x3F));
                    i++;
                } else {
                    b[at++] = '?';
                }
            } else {
                b[at++] = (byte) (0xE0 | (c >> 12));
                b[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        length = at;
        return this;
    }

    private void ensureRoom(int extra) {
        if (length + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + extra, bytes.length * 2));
        }
    }
}
