package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything the agent let out of the process, as raw bytes by where it was found: journal
 * files, command-line output, stderr lines — and, once the OTLP receiver of the integration
 * suite records request bodies, each OTLP body (add them with {@link #add}). A secret is looked
 * for in UTF-8 and in both byte orders of UTF-16, since Java keeps strings as UTF-16 and a
 * careless copy of a {@code char[]} into a memory-mapped file would store it that way.
 */
final class BytesThatLeft {

    private static final List<Charset> ENCODINGS = List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE);

    private record Source(String where, byte[] bytes) {
    }

    private final List<Source> sources = new ArrayList<>();

    BytesThatLeft add(String where, byte[] bytes) {
        sources.add(new Source(where, bytes));
        return this;
    }

    BytesThatLeft addText(String where, String text) {
        return add(where, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Every regular file under {@code dir}, byte for byte (the Chronicle queue files included). */
    BytesThatLeft addFilesUnder(Path dir) {
        if (!Files.isDirectory(dir)) {
            fail("no directory at " + dir + ": nothing was written there");
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                add("file " + file, Files.readAllBytes(file));
            }
        } catch (IOException e) {
            fail("cannot read " + dir + ": " + e);
        }
        return this;
    }

    int sourceCount() {
        return sources.size();
    }

    /** Where each secret was found, in each encoding; empty when none is anywhere. */
    List<String> findings(List<String> secrets) {
        List<String> found = new ArrayList<>();
        for (String secret : secrets) {
            for (Charset encoding : ENCODINGS) {
                byte[] needle = secret.getBytes(encoding);
                for (Source source : sources) {
                    if (indexOf(source.bytes(), needle) >= 0) {
                        found.add("\"" + secret + "\" (" + encoding + ") in " + source.where());
                    }
                }
            }
        }
        return found;
    }

    void assertNoneOf(List<String> secrets) {
        List<String> found = findings(secrets);
        if (!found.isEmpty()) {
            fail(found.size() + " planted secret(s) left the agent:\n  " + String.join("\n  ", found));
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
