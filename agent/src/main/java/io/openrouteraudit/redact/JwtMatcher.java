package io.openrouteraudit.redact;

import static io.openrouteraudit.redact.CharClass.at;
import static io.openrouteraudit.redact.CharClass.isAlnum;

/**
 * JSON Web Tokens: three base64url segments separated by dots, the first starting {@code eyJ}
 * (base64 of <code>{"</code>). The signature may be empty (an unsecured token). A short header
 * or payload is not a token: a real header alone is at least {@code {"alg":"x"}}.
 */
final class JwtMatcher implements TextMatcher {

    private static final String HEADER_START = "eyJ";
    private static final int MIN_HEADER = 10;
    private static final int MIN_PAYLOAD = 2;

    @Override
    public boolean mayStartWith(char c) {
        return c == 'e';
    }

    /** A necessary condition: the second character of {@code eyJ}. */
    static boolean mayStartAt(String s, int start) {
        return at(s, start + 1) == 'y';
    }

    @Override
    public int matchEnd(String s, int start) {
        char before = at(s, start - 1);
        if (!s.startsWith(HEADER_START, start) || isSegmentChar(before) || before == '.') {
            return -1;
        }
        int headerEnd = segmentEnd(s, start);
        if (headerEnd - start < MIN_HEADER || at(s, headerEnd) != '.') {
            return -1;
        }
        int payloadEnd = segmentEnd(s, headerEnd + 1);
        if (payloadEnd - headerEnd - 1 < MIN_PAYLOAD || at(s, payloadEnd) != '.') {
            return -1;
        }
        return segmentEnd(s, payloadEnd + 1);
    }

    private static int segmentEnd(String s, int from) {
        int pos = from;
        while (isSegmentChar(at(s, pos))) {
            pos++;
        }
        return pos;
    }

    private static boolean isSegmentChar(char c) {
        return isAlnum(c) || c == '-' || c == '_';
    }
}
