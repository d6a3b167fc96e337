package io.openrouteraudit.redact;

import static io.openrouteraudit.redact.CharClass.at;
import static io.openrouteraudit.redact.CharClass.isAlnum;
import static io.openrouteraudit.redact.CharClass.isDigit;
import static io.openrouteraudit.redact.CharClass.isUpper;
import static io.openrouteraudit.redact.CharClass.isWordChar;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Vendor API keys, recognised by their documented prefixes, and the token of any
 * {@code Bearer} credential.
 *
 * <p>A key matches only as a whole token (nothing key-like directly before it) and only with a
 * body long enough to be a credential, so prose such as {@code "sk-learn"} survives. The Bearer
 * rule replaces just the token — {@code "Bearer abc..."} becomes {@code "Bearer [API_KEY]"}, which
 * keeps the text readable — and is tried only right after {@code "Bearer "}.
 */
final class ApiKeyMatcher implements TextMatcher {

    // What a key's body may consist of; see bodyChar. Constants rather than predicate lambdas,
    // which would each spin a class when the redactor is built in premain.
    /** Letters, digits, {@code -} and {@code _}. */
    private static final int KEY_BODY = 0;
    /** Letters and digits. */
    private static final int ALNUM = 1;
    /** Upper-case letters and digits. */
    private static final int UPPER_ALNUM = 2;
    /** Letters, digits and {@code _}. */
    private static final int ALNUM_UNDERSCORE = 3;
    /** Letters, digits and {@code -}. */
    private static final int ALNUM_DASH = 4;
    private static final int UNBOUNDED = Integer.MAX_VALUE;
    private static final int MAX_BEARER_SPACES = 4;
    private static final int MIN_BEARER_TOKEN = 8;
    private static final int MIN_BEARER_TOKEN_WITHOUT_DIGIT = 24;

    /** A key: literal prefix, then {@code minBody..maxBody} characters of the {@code body} kind. */
    private record KeyShape(String prefix, int body, int minBody, int maxBody) {
    }

    /** The shapes indexed by the first character of their prefix, so a position tries only its own. */
    private final KeyShape[][] shapesByFirstChar = new KeyShape[128][];

    ApiKeyMatcher() {
        List<KeyShape> shapes = new ArrayList<>();
        shapes.add(new KeyShape("sk-", KEY_BODY, 20, UNBOUNDED)); // OpenAI sk-/sk-proj-, OpenRouter sk-or-v1-, Anthropic sk-ant-
        shapes.add(new KeyShape("AKIA", UPPER_ALNUM, 16, 16));    // AWS access key id
        shapes.add(new KeyShape("ASIA", UPPER_ALNUM, 16, 16));    // AWS temporary (STS) key id
        shapes.add(new KeyShape("AIza", KEY_BODY, 30, UNBOUNDED)); // Google API key (35 after the prefix)
        for (String kind : new String[] {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"}) {
            shapes.add(new KeyShape(kind, ALNUM, 20, UNBOUNDED)); // GitHub tokens (36 after the prefix)
        }
        shapes.add(new KeyShape("github_pat_", ALNUM_UNDERSCORE, 20, UNBOUNDED)); // GitHub fine-grained
        for (char kind : "baprs".toCharArray()) {
            shapes.add(new KeyShape("xox" + kind + "-", ALNUM_DASH, 10, UNBOUNDED)); // Slack
        }
        for (KeyShape shape : shapes) {
            int first = shape.prefix().charAt(0);
            KeyShape[] old = shapesByFirstChar[first];
            KeyShape[] grown = old == null ? new KeyShape[1] : Arrays.copyOf(old, old.length + 1);
            grown[grown.length - 1] = shape;
            shapesByFirstChar[first] = grown;
        }
    }

    @Override
    public boolean mayStartWith(char c) {
        return isBearerTokenChar(c); // covers every key prefix's first character too
    }

    /**
     * A necessary condition: a key prefix starts with this character, or whitespace and a word
     * ending in {@code r} (as {@code Bearer} does) come before it. Nearly every word of prose
     * fails it within three character reads.
     */
    boolean mayStartAt(String s, int start) {
        char c = s.charAt(start);
        if (c < shapesByFirstChar.length && shapesByFirstChar[c] != null) {
            return true;
        }
        int k = beforeBearerSpaces(s, start);
        return k < start - 1 && k >= 0 && (s.charAt(k) | 0x20) == 'r';
    }

    @Override
    public int matchEnd(String s, int start) {
        return Math.max(vendorKeyEnd(s, start), bearerTokenEnd(s, start));
    }

    private int vendorKeyEnd(String s, int start) {
        char c = s.charAt(start);
        char before = at(s, start - 1);
        if (c >= 128 || shapesByFirstChar[c] == null || isWordChar(before) || before == '-') {
            return -1;
        }
        int best = -1;
        for (KeyShape shape : shapesByFirstChar[c]) {
            if (!s.startsWith(shape.prefix(), start)) {
                continue;
            }
            int bodyStart = start + shape.prefix().length();
            int end = bodyStart;
            while (end < s.length() && end - bodyStart <= shape.maxBody() && bodyChar(shape.body(), s.charAt(end))) {
                end++;
            }
            int body = end - bodyStart;
            if (body >= shape.minBody() && body <= shape.maxBody() && !isWordChar(at(s, end))) {
                best = Math.max(best, end);
            }
        }
        return best;
    }

    /** The token after {@code "Bearer "} (any case, up to four spaces or tabs), or -1. */
    private static int bearerTokenEnd(String s, int start) {
        int k = beforeBearerSpaces(s, start);
        int bearer = k - 5;
        if (k == start - 1 || bearer < 0 || (s.charAt(k) | 0x20) != 'r' || !s.regionMatches(true, bearer, "bearer", 0, 6)
                || isWordChar(at(s, bearer - 1))) {
            return -1;
        }
        int end = start;
        boolean digit = false;
        while (end < s.length() && isBearerTokenChar(s.charAt(end))) {
            digit |= isDigit(s.charAt(end));
            end++;
        }
        while (end > start && s.charAt(end - 1) == '.') {
            end--; // a sentence's full stop, not part of the token
        }
        int length = end - start;
        boolean credentialLike = length >= MIN_BEARER_TOKEN_WITHOUT_DIGIT || (length >= MIN_BEARER_TOKEN && digit);
        return credentialLike ? end : -1;
    }

    /** The index before the (at most four) spaces or tabs that end right before {@code start}. */
    private static int beforeBearerSpaces(String s, int start) {
        int k = start - 1;
        while (k >= 0 && start - 1 - k < MAX_BEARER_SPACES && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
            k--;
        }
        return k;
    }

    /** Whether {@code c} may be part of a key body of the given kind. */
    private static boolean bodyChar(int kind, char c) {
        switch (kind) {
            case KEY_BODY:
                return isAlnum(c) || c == '-' || c == '_';
            case ALNUM:
                return isAlnum(c);
            case UPPER_ALNUM:
                return isUpper(c) || isDigit(c);
            case ALNUM_UNDERSCORE:
                return isAlnum(c) || c == '_';
            case ALNUM_DASH:
                return isAlnum(c) || c == '-';
            default:
                return false; // unreachable: every shape has one of the kinds above
        }
    }

    /** RFC 6750 b64token characters. */
    private static boolean isBearerTokenChar(char c) {
        return isAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/' || c == '=';
    }
}
