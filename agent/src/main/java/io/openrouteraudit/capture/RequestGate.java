package io.openrouteraudit.capture;

/**
 * Decides, on the application's calling thread and before any byte of a request leaves, whether
 * it may go, and what it already breaks. Implementations never throw.
 */
public interface RequestGate {

    /** Lets every request go, breaking nothing. */
    RequestGate OPEN = new RequestGate() {
        @Override
        public boolean needsBody() {
            return false;
        }

        @Override
        public GateVerdict admit(RequestStart start, byte[] body) {
            return GateVerdict.GO;
        }
    };

    /**
     * Whether {@link #admit} must see the request body: the instrumentation then reads it before
     * sending, where the library allows that without consuming it.
     */
    boolean needsBody();

    /** @param body the whole request body when {@link #needsBody()} and it could be read, else {@code null} */
    GateVerdict admit(RequestStart start, byte[] body);
}
