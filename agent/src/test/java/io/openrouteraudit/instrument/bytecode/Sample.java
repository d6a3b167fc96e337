package io.openrouteraudit.instrument.bytecode;

import java.io.IOException;

/** Methods of the shapes hooks meet in libraries: several returns, own handlers, loops, throws. */
public class Sample {

    public String choose(String text, int n) {
        if (text == null) {
            return "none";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(text);
        }
        return out.toString();
    }

    public int parseOrMinusOne(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public long sum(long a, double b, int[] rest) throws IOException {
        if (rest == null) {
            throw new IOException("no rest");
        }
        long total = a + (long) b;
        for (int r : rest) {
            total += r;
        }
        return total;
    }

    public static void touch(StringBuilder target) {
        while (target.length() < 3) {
            target.append('x');
        }
    }
}
