package io.openrouteraudit.config;

import java.util.Locale;
import java.util.Objects;

/**
 * One entry of the {@code hosts} key: a host that is audited together with its subdomains,
 * optionally on one port only.
 *
 * @param host lower-case host name or IP literal, IPv6 without brackets
 * @param port the only port that matches, or -1 for any port
 */
public record HostPattern(String host, int port) {

    /** The longest DNS label. */
    private static final int MAX_LABEL = 63;

    public HostPattern {
        Objects.requireNonNull(host, "host");
        host = normalize(host);
        if (host.isEmpty()) {
            throw new IllegalArgumentException("empty host");
        }
        if (port != -1 && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /**
     * Whether a connection to {@code host}:{@code port} is audited by this pattern. Callers pass
     * the effective port (443 for https when the URL has none). An IP literal matches only itself:
     * subdomain matching would make {@code 0.0.1} match {@code 10.0.0.1}.
     */
    public boolean matches(String host, int port) {
        if (host == null || (this.port != -1 && this.port != port)) {
            return false;
        }
        String candidate = normalize(host);
        if (candidate.equals(this.host)) {
            return true;
        }
        if (this.host.indexOf(':') >= 0) {
            return IpLiterals.sameIpv6(this.host, candidate);
        }
        if (IpLiterals.isIpv4(this.host)) {
            return false;
        }
        // A subdomain: the pattern must be preceded by a dot, so "evilopenrouter.ai" does not match.
        int cut = candidate.length() - this.host.length() - 1;
        return cut > 0 && candidate.charAt(cut) == '.' && candidate.endsWith(this.host);
    }

    /**
     * Parses {@code host}, {@code host:port}, {@code [ipv6]}, {@code [ipv6]:port} or a bare IPv6
     * literal (which then cannot carry a port, its colons being ambiguous).
     *
     * @throws IllegalArgumentException when the entry is none of those
     */
    public static HostPattern parse(String entry) {
        String s = entry.trim();
        String hostPart;
        String portPart = null;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed bracket");
            }
            hostPart = s.substring(1, close);
            String rest = s.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new IllegalArgumentException("text after bracket");
                }
                portPart = rest.substring(1);
            }
            if (!IpLiterals.isIpv6(hostPart)) {
                throw new IllegalArgumentException("not an IPv6 literal");
            }
        } else {
            int first = s.indexOf(':');
            if (first >= 0 && s.indexOf(':', first + 1) >= 0) {
                if (!IpLiterals.isIpv6(s)) {
                    throw new IllegalArgumentException("not an IPv6 literal");
                }
                hostPart = s;
            } else {
                hostPart = first >= 0 ? s.substring(0, first) : s;
                portPart = first >= 0 ? s.substring(first + 1) : null;
                if (!isHostName(normalize(hostPart))) {
                    throw new IllegalArgumentException("not a host name");
                }
            }
        }
        return new HostPattern(hostPart, portPart == null ? -1 : parsePort(portPart));
    }

    private static int parsePort(String text) {
        if (text.isEmpty() || text.length() > 5 || !allDigits(text)) {
            throw new IllegalArgumentException("bad port");
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range");
        }
        return port;
    }

    private static boolean isHostName(String h) {
        if (h.isEmpty() || h.length() > 253) {
            return false;
        }
        if (IpLiterals.isIpv4(h)) {
            return true;
        }
        boolean allNumeric = true;
        for (String label : h.split("\\.", -1)) {
            if (!isLabel(label)) {
                return false;
            }
            allNumeric &= allDigits(label);
        }
        // "300.1.2.3" looks like an address but is not one; refusing it beats a silent non-match.
        return !allNumeric;
    }

    /**
     * A DNS label, {@code [a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?}: 1-63 of lower-case letters,
     * digits, {@code _} and {@code -}, not starting or ending with {@code -}. Underscores are
     * tolerated because internal names use them. Checked by hand: a regex compiled when this
     * class is first used (in premain, for the default hosts) costs the application start-up time.
     */
    static boolean isLabel(String label) {
        int n = label.length();
        if (n == 0 || n > MAX_LABEL || label.charAt(0) == '-' || label.charAt(n - 1) == '-') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = label.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** Whether every character is an ASCII digit (true for the empty string). */
    static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Lower case, no IPv6 brackets, no trailing root dot: the forms a URL may give the host in. */
    private static String normalize(String h) {
        String s = h.trim();
        if (s.length() >= 2 && s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.toLowerCase(Locale.ROOT);
    }
}
