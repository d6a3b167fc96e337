package io.openrouteraudit.redact;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Decodes key material as users write it. Hex is tried first (it is also valid base64, and a
 * hex key is what {@code openssl rand -hex 32} prints), then base64, then the raw text: a
 * passphrase is accepted as its UTF-8 bytes rather than rejected. Messages never include key
 * material, only where it came from and why it was refused.
 */
final class KeyEncoding {

    static final int MIN_KEY_BYTES = 16;
    private static final int MIN_HEX_CHARS = 32;

    private KeyEncoding() {
    }

    static byte[] decodeEnvironmentValue(String value, String source) throws IOException {
        byte[] key = hex(value);
        if (key == null) {
            key = base64(value);
        }
        if (key == null) {
            key = value.getBytes(StandardCharsets.UTF_8);
        }
        requireLongEnough(key, source);
        return key;
    }

    /** Hex text (surrounding whitespace ignored), else the raw bytes, as written by {@link HashKeyStore}. */
    static byte[] decodeFileContent(byte[] content, String source) throws IOException {
        byte[] key = hex(new String(content, StandardCharsets.ISO_8859_1).trim());
        if (key == null) {
            key = content.clone();
        }
        requireLongEnough(key, source);
        return key;
    }

    private static void requireLongEnough(byte[] key, String source) throws IOException {
        if (key.length < MIN_KEY_BYTES) {
            int length = key.length;
            Arrays.fill(key, (byte) 0);
            throw new IOException(source + " holds a key of " + length + " bytes; at least " + MIN_KEY_BYTES
                    + " are required (e.g. 64 hex characters from 'openssl rand -hex 32')");
        }
    }

    private static byte[] hex(String s) {
        if (s.length() < MIN_HEX_CHARS || s.length() % 2 != 0) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!CharClass.isHex(s.charAt(i))) {
                return null;
            }
        }
        return HexFormat.of().parseHex(s);
    }

    /**
     * Base64 (standard or URL alphabet) with complete 4-character groups. A result shorter than a
     * key is not taken as base64: a 16-character passphrase is more likely meant as its text.
     */
    private static byte[] base64(String s) {
        if (s.length() % 4 != 0) {
            return null;
        }
        for (Base64.Decoder decoder : new Base64.Decoder[] {Base64.getDecoder(), Base64.getUrlDecoder()}) {
            try {
                byte[] key = decoder.decode(s);
                return key.length >= MIN_KEY_BYTES ? key : null;
            } catch (IllegalArgumentException notThisAlphabet) {
                // try the next alphabet
            }
        }
        return null;
    }
}
