package io.openrouteraudit.openrouter;

import java.util.Arrays;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Undoes a response's Content-Encoding for parsing only (the application keeps its own bytes).
 * Output is bounded to 4x the input or 8 MiB, whichever is larger, so a compression bomb costs a
 * bounded prefix; input is fed in small steps so offsets can be mapped back for time-to-first-token.
 */
final class BodyDecoder {

    static final int MIN_OUTPUT_LIMIT = 8 * 1024 * 1024;
    private static final int FEED_STEP = 512;

    private BodyDecoder() {
    }

    /** The bytes to parse, or null when the encoding is one we cannot undo (br, zstd, ...). */
    static DecodedBody decode(byte[] body, int offset, int length, String contentEncoding) {
        String enc = contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        boolean gzipMagic = length >= 2 && (body[offset] & 0xFF) == 0x1F
                && (body[offset + 1] & 0xFF) == 0x8B;
        switch (enc) {
            case "", "identity" -> {
                return gzipMagic ? gunzip(body, offset, length) : DecodedBody.identity(body, offset, length);
            }
            case "gzip", "x-gzip" -> {
                // A client library may already have decoded the body while leaving the header.
                return gzipMagic ? gunzip(body, offset, length) : DecodedBody.identity(body, offset, length);
            }
            case "deflate" -> {
                return new Inflation(body, offset, length).run(offset, !hasZlibHeader(body, offset, length), false);
            }
            default -> {
                return null;
            }
        }
    }

    private static DecodedBody gunzip(byte[] body, int offset, int length) {
        return new Inflation(body, offset, length).run(offset, true, true);
    }

    private static boolean hasZlibHeader(byte[] b, int off, int len) {
        return len >= 2 && (b[off] & 0x0F) == 8
                && (((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF)) % 31 == 0;
    }

    /** Length of the gzip member header at {@code pos} (RFC 1952), or -1 if absent or cut. */
    static int gzipHeaderLength(byte[] b, int pos, int end) {
        if (end - pos < 10 || (b[pos] & 0xFF) != 0x1F || (b[pos + 1] & 0xFF) != 0x8B || b[pos + 2] != 8
                || (b[pos + 3] & 0xE0) != 0) {
            return -1;
        }
        int flags = b[pos + 3];
        int p = pos + 10;
        if ((flags & 4) != 0) { // FEXTRA
            if (end - p < 2) {
                return -1;
            }
            p += 2 + ((b[p] & 0xFF) | ((b[p + 1] & 0xFF) << 8));
        }
        for (int zeroTerminated : new int[] {8, 16}) { // FNAME, FCOMMENT
            if ((flags & zeroTerminated) != 0) {
                while (p < end && b[p] != 0) {
                    p++;
                }
                p++;
            }
        }
        if ((flags & 2) != 0) { // FHCRC
            p += 2;
        }
        return p <= end ? p - pos : -1;
    }

    /** One bounded inflation run; mutable, used once. */
    private static final class Inflation {
        private final byte[] in;
        private final int inStart;
        private final int inEnd;
        private final long limit;
        private byte[] out;
        private int outLen;
        private int[] outputEnds = new int[16];
        private int[] inputEnds = new int[16];
        private int checkpoints;
        private boolean corrupt;
        private boolean full;

        Inflation(byte[] in, int offset, int length) {
            this.in = in;
            this.inStart = offset;
            this.inEnd = offset + length;
            this.limit = Math.min(Math.max(4L * length, MIN_OUTPUT_LIMIT), Integer.MAX_VALUE - 16);
            this.out = new byte[(int) Math.min(limit, Math.max(1024L, 2L * length))];
        }

        /** Inflates from {@code pos}; for gzip, member after member (concatenated members). */
        DecodedBody run(int pos, boolean raw, boolean gzip) {
            while (pos < inEnd && !corrupt && !full) {
                if (gzip) {
                    int header = gzipHeaderLength(in, pos, inEnd);
                    if (header < 0) {
                        // Garbage instead of the first header is corrupt; after a member it is
                        // trailing padding some servers send, and a cut header is just the end.
                        corrupt = checkpoints == 0 && inEnd - pos >= 10;
                        break;
                    }
                    pos += header;
                }
                int stop = inflateMember(pos, raw);
                if (stop < 0) {
                    break; // input ended mid-member, output full, or corrupt
                }
                pos = stop + (gzip ? 8 : 0); // skip CRC32 and ISIZE
                if (!gzip) {
                    break;
                }
            }
            return DecodedBody.inflated(out, outLen, corrupt, outputEnds, inputEnds, checkpoints);
        }

        /** Returns the input position just past the member's deflate data, or -1 if unfinished. */
        private int inflateMember(int pos, boolean raw) {
            Inflater inflater = new Inflater(raw);
            try {
                int fed = pos;
                while (fed < inEnd) {
                    int step = Math.min(FEED_STEP, inEnd - fed);
                    inflater.setInput(in, fed, step);
                    fed += step;
                    drain(inflater);
                    checkpoint(fed - inflater.getRemaining() - inStart);
                    if (inflater.finished()) {
                        return fed - inflater.getRemaining();
                    }
                    if (full || corrupt) {
                        return -1;
                    }
                }
                return -1;
            } finally {
                inflater.end(); // native memory: never wait for finalization
            }
        }

        private void drain(Inflater inflater) {
            try {
                while (!inflater.finished()) {
                    if (outLen == out.length) {
                        if (out.length >= limit) {
                            full = true;
                            return;
                        }
                        out = Arrays.copyOf(out, (int) Math.min(limit, 2L * out.length));
                    }
                    int n = inflater.inflate(out, outLen, out.length - outLen);
                    outLen += n;
                    if (n == 0) { // needs more input (or a dictionary, which HTTP never has)
                        corrupt = inflater.needsDictionary();
                        return;
                    }
                }
            } catch (DataFormatException e) {
                corrupt = true;
            }
        }

        private void checkpoint(int inputConsumed) {
            if (checkpoints == outputEnds.length) {
                outputEnds = Arrays.copyOf(outputEnds, checkpoints * 2);
                inputEnds = Arrays.copyOf(inputEnds, checkpoints * 2);
            }
            outputEnds[checkpoints] = outLen;
            inputEnds[checkpoints] = inputConsumed;
            checkpoints++;
        }
    }
}
