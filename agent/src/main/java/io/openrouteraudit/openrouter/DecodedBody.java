package io.openrouteraudit.openrouter;

import java.util.Arrays;

/**
 * Response bytes ready for parsing: the given body itself, or its inflated form. For inflated
 * bodies it keeps checkpoints (output length reached after consuming so much input) so an offset
 * in the inflated bytes can be mapped back to the body bytes that had to arrive to produce it.
 */
final class DecodedBody {

    final byte[] bytes;
    final int offset;
    final int length;
    /** The compressed data was corrupt, or the encoding unknown; the bytes are a best effort. */
    final boolean corrupt;
    private final int[] outputEnds;
    private final int[] inputEnds;
    private final int checkpoints;

    private DecodedBody(byte[] bytes, int offset, int length, boolean corrupt, int[] outputEnds,
                        int[] inputEnds, int checkpoints) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
        this.corrupt = corrupt;
        this.outputEnds = outputEnds;
        this.inputEnds = inputEnds;
        this.checkpoints = checkpoints;
    }

    /** The body as given: offsets map to themselves. */
    static DecodedBody identity(byte[] body, int offset, int length) {
        return new DecodedBody(body, offset, length, false, null, null, 0);
    }

    static DecodedBody inflated(byte[] out, int length, boolean corrupt, int[] outputEnds,
                                int[] inputEnds, int checkpoints) {
        return new DecodedBody(out, 0, length, corrupt, outputEnds, inputEnds, checkpoints);
    }

    /**
     * Maps an offset in the decoded bytes (relative to {@link #offset}) to the number of body
     * bytes after which that much decoded output was available.
     */
    long toBodyOffset(long decodedOffset) {
        if (outputEnds == null) {
            return decodedOffset;
        }
        int i = Arrays.binarySearch(outputEnds, 0, checkpoints, (int) Math.min(decodedOffset,
                Integer.MAX_VALUE));
        if (i < 0) {
            i = -i - 1; // first checkpoint whose output reaches the offset
        } else {
            while (i > 0 && outputEnds[i - 1] == outputEnds[i]) {
                i--; // earliest input that produced this much output
            }
        }
        return i < checkpoints ? inputEnds[i] : (checkpoints > 0 ? inputEnds[checkpoints - 1] : -1);
    }
}
