package io.openrouteraudit.capture;

/** How an exchange ended, as far as the client library told us. */
public enum Outcome {
    /** The whole response body was delivered. */
    COMPLETED,
    /** The library reported an error (I/O, protocol, a consumer that threw). */
    FAILED,
    /** The library reported a timeout. */
    TIMEOUT,
    /** The application cancelled the call or stopped reading the body. */
    CANCELLED,
    /** The application dropped the response unread; noticed at shutdown. */
    INCOMPLETE,
    /** The agent refused the call before any byte left. */
    BLOCKED
}
