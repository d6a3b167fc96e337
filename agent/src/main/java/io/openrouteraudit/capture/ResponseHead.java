package io.openrouteraudit.capture;

/** Status line and the headers the parsers need. */
public record ResponseHead(int status, String contentType, String contentEncoding, String generationIdHeader) {
}
