package io.openrouteraudit.redact;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * The matches of one scan, in text order, and the redacted text built from them in one go.
 *
 * <p>Recording first and writing afterwards gives the exact length of the result, so it is
 * written once into an array of that size, and for text that fits in one byte per character
 * (nearly every prompt: {@link String} then stores it that way too) as bytes, half the size of
 * chars. Per-call state of one thread, never shared.
 */
final class Replacements {

    private static final int FIELDS = 3; // start, end, rule index
    private static final int MIN_MATCHES = 8;
    /** Room for a match per this many characters at first: the benchmark's prose has one per 80. */
    private static final int CHARS_PER_MATCH = 64;

    private int[] spans;
    private int size;
    private boolean latin1;

    Replacements(int textLength) {
        spans = new int[Math.max(MIN_MATCHES, textLength / CHARS_PER_MATCH) * FIELDS];
    }

    void add(int start, int end, int rule) {
        if (size + FIELDS > spans.length) {
            spans = Arrays.copyOf(spans, spans.length * 2);
        }
        spans[size] = start;
        spans[size + 1] = end;
        spans[size + 2] = rule;
        size += FIELDS;
    }

    /** Whether every character outside the matches is at most {@code 0xFF}; rule names are ASCII. */
    void keptOnlyLatin1(boolean latin1) {
        this.latin1 = latin1;
    }

    /** Adds one per match to its rule's name, in order of each name's first match. */
    void countInto(Map<String, Integer> counts, RedactionRule[] rules) {
        for (int k = 0; k < size; k += FIELDS) {
            counts.merge(rules[spans[k + 2]].name(), 1, Integer::sum);
        }
    }

    /** {@code text} with each match replaced by {@code [NAME]}. */
    String apply(String text, RedactionRule[] rules) {
        int length = text.length();
        for (int k = 0; k < size; k += FIELDS) {
            length += rules[spans[k + 2]].name().length() + 2 - (spans[k + 1] - spans[k]);
        }
        return latin1 ? applyAsBytes(text, rules, length) : applyAsChars(text, rules, length);
    }

    // String.getBytes(int, int, byte[], int) keeps the low byte of each char, which is lossless
    // here: the caller saw every copied character and every name is ASCII. On a compact string it
    // is one array copy; the alternatives (a StringBuilder region append on Java 17, or chars
    // then compression) copy char by char or allocate twice the size.
    @SuppressWarnings("deprecation")
    private String applyAsBytes(String text, RedactionRule[] rules, int length) {
        byte[] out = new byte[length];
        int written = 0;
        int copiedUpTo = 0;
        for (int k = 0; k < size; k += FIELDS) {
            int start = spans[k];
            text.getBytes(copiedUpTo, start, out, written);
            written += start - copiedUpTo;
            String name = rules[spans[k + 2]].name();
            out[written++] = '[';
            name.getBytes(0, name.length(), out, written);
            written += name.length();
            out[written++] = ']';
            copiedUpTo = spans[k + 1];
        }
        text.getBytes(copiedUpTo, text.length(), out, written);
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    private String applyAsChars(String text, RedactionRule[] rules, int length) {
        char[] out = new char[length];
        int written = 0;
        int copiedUpTo = 0;
        for (int k = 0; k < size; k += FIELDS) {
            int start = spans[k];
            text.getChars(copiedUpTo, start, out, written);
            written += start - copiedUpTo;
            String name = rules[spans[k + 2]].name();
            out[written++] = '[';
            name.getChars(0, name.length(), out, written);
            written += name.length();
            out[written++] = ']';
            copiedUpTo = spans[k + 1];
        }
        text.getChars(copiedUpTo, text.length(), out, written);
        return new String(out);
    }
}
