package io.openrouteraudit.sim;

/**
 * What the simulator does to the connection itself, beyond anything an HTTP response can say:
 * the faults of a hostile network or server (SPEC §7).
 *
 * @param afterParts how many of the reply's parts are written before a {@link Kind#CLOSE} or
 *                   {@link Kind#RESET}; the head still announces every part (its Content-Length)
 */
public record ConnectionFault(Kind kind, int afterParts) {

    public static final long DRIP_GAP_MILLIS = 1000;
    /**
     * The whole response, status line first, one byte every {@link #DRIP_GAP_MILLIS}, until the
     * client goes away; then the connection is closed.
     */
    public static final ConnectionFault DRIP = new ConnectionFault(Kind.DRIP, 0);

    public enum Kind {
        /** FIN with the body unfinished. */
        CLOSE,
        /** RST (SO_LINGER 0, then close) with the body unfinished. */
        RESET,
        DRIP
    }

    public static ConnectionFault closeAfter(int parts) {
        return new ConnectionFault(Kind.CLOSE, parts);
    }

    public static ConnectionFault resetAfter(int parts) {
        return new ConnectionFault(Kind.RESET, parts);
    }
}
