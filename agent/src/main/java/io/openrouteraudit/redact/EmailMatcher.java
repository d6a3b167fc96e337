package io.openrouteraudit.redact;

import static io.openrouteraudit.redact.CharClass.at;
import static io.openrouteraudit.redact.CharClass.isAlnum;
import static io.openrouteraudit.redact.CharClass.isLetter;
import static io.openrouteraudit.redact.CharClass.isWordChar;

/**
 * E-mail addresses: {@code local@domain.tld}, with the practical (not the full RFC 5322)
 * grammar: local part {@code [A-Za-z0-9._%+-]{1,64}}, dot-separated domain labels, and a
 * final alphabetic label of at least two letters.
 *
 * <p>A match may only start where the local part starts (the character before is not a
 * local-part character), so the forward look for the {@code '@'} runs once per word and is
 * capped at 64 characters: the pass stays linear even over long runs like {@code a.a.a.a...}.
 */
final class EmailMatcher implements TextMatcher {

    static final int MAX_LOCAL = 64;
    private static final int MAX_LABEL = 63;
    private static final int MAX_DOMAIN = 253;

    @Override
    public boolean mayStartWith(char c) {
        return c != '.' && isLocalChar(c);
    }

    @Override
    public int matchEnd(String s, int start) {
        if (isLocalChar(at(s, start - 1))) {
            return -1;
        }
        int atSign = start;
        while (atSign - start <= MAX_LOCAL && isLocalChar(at(s, atSign))) {
            atSign++;
        }
        if (at(s, atSign) != '@' || atSign - start > MAX_LOCAL) {
            return -1;
        }
        int end = domainEnd(s, atSign + 1);
        return end > 0 && !isWordChar(at(s, end)) && at(s, end) != '-' && at(s, end) != '@' ? end : -1;
    }

    /**
     * The end of the longest dot-separated run of labels from {@code from} whose last label is a
     * plausible top-level domain; -1 if there is none. Backing off to an earlier label keeps
     * {@code "bob@example.com.42"} matching as {@code bob@example.com}.
     */
    private static int domainEnd(String s, int from) {
        int pos = from;
        int labels = 0;
        int best = -1;
        while (pos - from <= MAX_DOMAIN) {
            int labelStart = pos;
            while (pos - labelStart <= MAX_LABEL && (isAlnum(at(s, pos)) || at(s, pos) == '-')) {
                pos++;
            }
            int length = pos - labelStart;
            if (length == 0 || length > MAX_LABEL || s.charAt(labelStart) == '-' || s.charAt(pos - 1) == '-') {
                break;
            }
            labels++;
            if (labels >= 2 && length >= 2 && allLetters(s, labelStart, pos)) {
                best = pos;
            }
            if (at(s, pos) != '.' || !isAlnum(at(s, pos + 1))) {
                break;
            }
            pos++;
        }
        return best;
    }

    private static boolean allLetters(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isLetter(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLocalChar(char c) {
        return isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }
}
