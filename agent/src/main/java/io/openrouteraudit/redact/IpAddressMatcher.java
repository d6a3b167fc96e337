package io.openrouteraudit.redact;

import static io.openrouteraudit.redact.CharClass.at;
import static io.openrouteraudit.redact.CharClass.isAlnum;
import static io.openrouteraudit.redact.CharClass.isDigit;
import static io.openrouteraudit.redact.CharClass.isHex;
import static io.openrouteraudit.redact.CharClass.isWordChar;

/**
 * IP addresses.
 *
 * <p>IPv4: exactly four dotted decimal octets 0–255 without leading zeros, not inside a longer
 * dotted run, so versions ({@code 1.2.3}, {@code 1.2.3.4.5}, {@code v2.10.4}) survive. A port
 * ({@code :8080}) or prefix length ({@code /24}) after it is kept.
 *
 * <p>IPv6: eight colon-separated groups of 1–4 hex digits, or fewer with one {@code ::}, an
 * optional dotted IPv4 tail ({@code ::ffff:192.0.2.1}) and zone ({@code fe80::1%eth0}). Times
 * ({@code 12:30:45}) and MAC addresses have neither eight groups nor {@code ::}; hashes have
 * groups longer than four; and an address must contain a decimal digit, which spares code such
 * as {@code Abc::def}.
 */
final class IpAddressMatcher implements TextMatcher {

    private static final int GROUPS = 8;
    private static final int MAX_ZONE = 16;

    @Override
    public boolean mayStartWith(char c) {
        return isHex(c) || c == ':';
    }

    @Override
    public int matchEnd(String s, int start) {
        char before = at(s, start - 1);
        if (isWordChar(before) || before == '.') {
            return -1;
        }
        int v4 = isDigit(s.charAt(start)) ? ipv4End(s, start) : -1;
        if (v4 > 0 && !mayEndAt(s, v4)) {
            v4 = -1;
        }
        int v6 = before == ':' && followsGroup(s, start - 1) ? -1 : ipv6End(s, start);
        return Math.max(v4, v6);
    }

    /**
     * A necessary condition, cheap enough for the many words that start with a hex letter
     * ("cafe", "added"): an address starts with {@code "::"}, or its first group of one to four
     * digits ends at a colon (IPv6) or a dot (IPv4, at most three digits).
     */
    static boolean mayStartAt(String s, int start) {
        for (int k = 0; k <= 4; k++) {
            char c = at(s, start + k);
            if (c == ':' || c == '.') {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the colon at {@code colon} ends an IPv6 group (a standalone run of 1–4 hex digits,
     * or another colon), so a match starting after it would begin in the middle of an address.
     * After a word such as {@code "src:"} or {@code "host:"} an address may start.
     */
    private static boolean followsGroup(String s, int colon) {
        int pos = colon - 1;
        if (at(s, pos) == ':') {
            return true;
        }
        while (colon - pos <= 5 && isHex(at(s, pos))) {
            pos--;
        }
        int hexDigits = colon - 1 - pos;
        return hexDigits >= 1 && hexDigits <= 4 && !isWordChar(at(s, pos));
    }

    /** End of four dotted octets at {@code start}, or -1; what follows is the caller's concern. */
    static int ipv4End(String s, int start) {
        int pos = start;
        for (int octet = 0; octet < 4; octet++) {
            if (octet > 0) {
                if (at(s, pos) != '.') {
                    return -1;
                }
                pos++;
            }
            int digits = CharClass.digitRun(s, pos, 3);
            if (digits == 0 || digits > 3 || (digits > 1 && s.charAt(pos) == '0')) {
                return -1;
            }
            if (Integer.parseInt(s, pos, pos + digits, 10) > 255) {
                return -1;
            }
            pos += digits;
        }
        return pos;
    }

    private static int ipv6End(String s, int start) {
        int pos = start;
        int groups = 0;
        boolean compressed = s.startsWith("::", start);
        boolean sawDecimalDigit = false;
        if (compressed) {
            pos += 2;
        } else if (!isHex(at(s, start))) {
            return -1;
        }
        int end = pos;
        while (groups < GROUPS) {
            int groupStart = pos;
            while (pos - groupStart <= 4 && isHex(at(s, pos))) {
                sawDecimalDigit |= isDigit(s.charAt(pos));
                pos++;
            }
            int length = pos - groupStart;
            if (length == 0) {
                break; // only possible right after "::", which may end an address
            }
            if (at(s, pos) == '.' && isDigit(at(s, pos + 1))) {
                int v4 = ipv4End(s, groupStart);
                if (v4 < 0 || groups > GROUPS - 2) {
                    return -1;
                }
                groups += 2;
                end = v4;
                break;
            }
            if (length > 4) {
                return -1;
            }
            groups++;
            end = pos;
            if (s.startsWith("::", pos)) {
                if (compressed) {
                    return -1;
                }
                compressed = true;
                pos += 2;
                end = pos;
            } else if (at(s, pos) == ':' && isHex(at(s, pos + 1))) {
                pos++;
            } else {
                break;
            }
        }
        if (groups == 0 || !sawDecimalDigit || (compressed ? groups >= GROUPS : groups != GROUPS)) {
            return -1;
        }
        end = zoneEnd(s, end);
        char after = at(s, end);
        if (isWordChar(after) || after == ':' && (isHex(at(s, end + 1)) || at(s, end + 1) == ':')) {
            return -1;
        }
        return after == '.' && isAlnum(at(s, end + 1)) ? -1 : end;
    }

    /** Includes a zone id such as {@code %eth0}; it names the host's interface, so it goes too. */
    private static int zoneEnd(String s, int end) {
        if (at(s, end) != '%' || !isAlnum(at(s, end + 1))) {
            return end;
        }
        int pos = end + 1;
        while (pos - end <= MAX_ZONE && isAlnum(at(s, pos))) {
            pos++;
        }
        return pos;
    }

    private static boolean mayEndAt(String s, int end) {
        char after = at(s, end);
        return !isWordChar(after) && !(after == '.' && isAlnum(at(s, end + 1)));
    }
}
