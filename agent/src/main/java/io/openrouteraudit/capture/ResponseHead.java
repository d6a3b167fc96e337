package io.openrouteraudit.capture;

/**
 * Status line and the headers the parsers need.
 *
 * @param contentLength the declared body length, or -1 when not declared (chunked, streams)
 */
public record ResponseHead(int status, String contentType, String contentEncoding, String generationIdHeader,
                           long contentLength) {

    /** A head without a declared length. */
    public ResponseHead(int status, String contentType, String contentEncoding, String generationIdHeader) {
        this(status, contentType, contentEncoding, generationIdHeader, -1);
    }
}
