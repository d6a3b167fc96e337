package io.openrouteraudit.config;

import java.util.Arrays;

/**
 * Recognises IP address literals without ever touching the resolver: the agent must make no
 * network traffic of its own, and {@code InetAddress.getByName} falls back to DNS for anything
 * it does not recognise as a literal.
 */
final class IpLiterals {

    private IpLiterals() {
    }

    /** Whether {@code s} is a dotted-quad IPv4 address such as {@code 127.0.0.1}. */
    static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !HostPattern.allDigits(part)
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s} (without brackets) is an IPv6 address, optionally with a zone id. */
    static boolean isIpv6(String s) {
        return ipv6Groups(s) != null;
    }

    /**
     * Whether two IPv6 texts name the same address, so that {@code ::1} and
     * {@code 0:0:0:0:0:0:0:1} are one host. The zone id is ignored.
     */
    static boolean sameIpv6(String a, String b) {
        int[] ga = ipv6Groups(a);
        return ga != null && Arrays.equals(ga, ipv6Groups(b));
    }

    /** The eight 16-bit groups of an IPv6 text, or null when it is not one. */
    static int[] ipv6Groups(String text) {
        if (text == null) {
            return null;
        }
        int zone = text.indexOf('%');
        String s = zone >= 0 ? text.substring(0, zone) : text;
        if (s.indexOf(':') < 0) {
            return null;
        }
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        int[] head = gap >= 0 ? groups(s.substring(0, gap), false) : groups(s, true);
        int[] tail = gap >= 0 ? groups(s.substring(gap + 2), true) : new int[0];
        if (head == null || tail == null) {
            return null;
        }
        int used = head.length + tail.length;
        if (gap < 0 ? used != 8 : used > 7) {
            return null;
        }
        int[] all = new int[8];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, 8 - tail.length, tail.length);
        return all;
    }

    /** Colon-separated hex groups; the last may be an embedded IPv4 address when allowed. */
    private static int[] groups(String s, boolean ipv4TailAllowed) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(":", -1);
        int[] out = new int[parts.length + 1];
        int n = 0;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && ipv4TailAllowed && p.indexOf('.') >= 0) {
                if (!isIpv4(p)) {
                    return null;
                }
                String[] q = p.split("\\.");
                out[n++] = Integer.parseInt(q[0]) << 8 | Integer.parseInt(q[1]);
                out[n++] = Integer.parseInt(q[2]) << 8 | Integer.parseInt(q[3]);
            } else if (p.isEmpty() || p.length() > 4 || !allHexDigits(p)) {
                return null;
            } else {
                out[n++] = Integer.parseInt(p, 16);
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Whether every character is a hex digit by {@link Character#digit(char, int)}, as {@link Integer#parseInt} reads them. */
    private static boolean allHexDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
