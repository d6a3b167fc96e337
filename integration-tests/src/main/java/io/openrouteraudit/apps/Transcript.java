package io.openrouteraudit.apps;

import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What an application observed, printed deterministically (no time, no port, no temp path) so
 * that two runs, with and without the agent, can be compared line by line.
 */
final class Transcript {

    /** Response headers worth showing; others (Date, Content-Length, Transfer-Encoding) are transport. */
    private static final List<String> SHOWN_HEADERS =
            List.of("content-type", "content-encoding", "x-generation-id", "retry-after");

    private final PrintStream out;

    Transcript(PrintStream out) {
        this.out = out;
    }

    void begin(String scenario) {
        out.println("== " + scenario);
    }

    void note(String text) {
        out.println(text);
    }

    /** Status, negotiated version and the shown headers of a response. */
    void head(HttpResponse<?> response) {
        out.println("status " + response.statusCode() + " " + response.version());
        for (String name : SHOWN_HEADERS) {
            response.headers().firstValue(name).ifPresent(value -> out.println("header " + name + ": " + value));
        }
    }

    /** A body as bytes: length and SHA-256, and its text when it is printable UTF-8. */
    void body(byte[] bytes) {
        out.println("body " + bytes.length + " bytes sha256 " + sha256(bytes));
        String text = printableText(bytes);
        if (text == null) {
            out.println("body is binary");
            return;
        }
        lines(text.lines().toList());
    }

    void lines(List<String> lines) {
        for (String line : lines) {
            out.println("| " + line);
        }
    }

    /** An exception as the application sees it: class and message, unwrapped from async wrappers. */
    void failure(Throwable thrown) {
        Throwable cause = thrown;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        out.println("exception " + cause.getClass().getName() + ": " + cause.getMessage());
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static String sha256(byte[] bytes) {
        try {
            return hex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String printableText(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            boolean printable = text.chars().allMatch(c -> c >= 0x20 || c == '\n' || c == '\r' || c == '\t');
            return printable ? text : null;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
