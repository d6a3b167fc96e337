package io.openrouteraudit.journal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A reusable byte buffer that a journal line is encoded into once: the canonical prefix, then
 * the hash suffix, with no intermediate strings. Encodes exactly as {@code
 * String.getBytes(UTF_8)} does (a lone surrogate becomes {@code '?'}), because the chain
 * verifier re-encodes what it reads that way. Not thread-safe: one per writer, under its lock.
 */
final class Utf8LineBuffer {

    private static final byte[] LONG_MIN = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

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

    /**
     * Makes room for {@code extra} more bytes and returns the array to write them into, from
     * {@link #length()} on; {@link #lengthTo} then takes them in. For writers that know their
     * bytes (JSON's plain ASCII) and would otherwise pay a bounds check per byte.
     */
    byte[] room(int extra) {
        ensureRoom(extra);
        return bytes;
    }

    /** Takes in the bytes written into {@link #room}'s array up to {@code newLength}. */
    void lengthTo(int newLength) {
        length = newLength;
    }

    Utf8LineBuffer append(CharSequence text) {
        if (text instanceof String s) {
            return append(s, 0, s.length());
        }
        return append(text.toString(), 0, text.length());
    }

    /** {@code text[start..end)}, a surrogate pair split by {@code end} counting as lone. */
    Utf8LineBuffer append(String text, int start, int end) {
        // three bytes per char covers every char of the BMP and every surrogate pair (4 bytes for 2 chars)
        ensureRoom((end - start) * 3);
        byte[] b = bytes;
        int at = length;
        int i = start;
        // Most of a record is ASCII: a tight loop for it, the general one from the first other char.
        while (i < end) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                break;
            }
            b[at++] = (byte) c;
            i++;
        }
        for (; i < end; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                b[at++] = (byte) c;
            } else if (c < 0x800) {
                b[at++] = (byte) (0xC0 | (c >> 6));
                b[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                char low = i + 1 < end ? text.charAt(i + 1) : 0;
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

    /** One char known to be ASCII (JSON punctuation). */
    Utf8LineBuffer ascii(char c) {
        ensureRoom(1);
        bytes[length++] = (byte) c;
        return this;
    }

    /** Text known to be ASCII (keys, literals). */
    Utf8LineBuffer ascii(String text) {
        int n = text.length();
        ensureRoom(n);
        byte[] b = bytes;
        int at = length;
        for (int i = 0; i < n; i++) {
            b[at++] = (byte) text.charAt(i);
        }
        length = at;
        return this;
    }

    Utf8LineBuffer append(byte[] source, int offset, int count) {
        ensureRoom(count);
        System.arraycopy(source, offset, bytes, length, count);
        length += count;
        return this;
    }

    /** A long in decimal, as {@code Long.toString} writes it, without the string. */
    Utf8LineBuffer decimal(long value) {
        if (value == Long.MIN_VALUE) {
            return append(LONG_MIN, 0, LONG_MIN.length);
        }
        ensureRoom(20);
        if (value < 0) {
            bytes[length++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        int at = length + digits;
        length = at;
        do {
            bytes[--at] = (byte) ('0' + (int) (value % 10));
            value /= 10;
        } while (value != 0);
        return this;
    }

    private void ensureRoom(int extra) {
        if (length + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + extra, bytes.length * 2));
        }
    }
}
