package io.openrouteraudit.capture;

/** The token of an {@code Authorization} header, as every client instrumentation reads it. */
public final class BearerToken {

    private BearerToken() {
    }

    /** The token after {@code Bearer } (any case), or the whole trimmed value; {@code null} for no header. */
    public static String of(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).trim() : value;
    }
}
