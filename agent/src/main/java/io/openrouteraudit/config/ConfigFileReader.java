package io.openrouteraudit.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/** Reads the properties file named by {@code openrouter.audit.config}; any failure is one warning. */
final class ConfigFileReader {

    /** A configuration file is a few lines; anything bigger is a wrong path, not a config. */
    static final long MAX_FILE_BYTES = 1024 * 1024;

    private ConfigFileReader() {
    }

    /**
     * The file's entries sorted by key (so warnings come in a stable order), or empty after adding one warning that names the path
     * and the key or variable that named it.
     */
    static Optional<Map<String, String>> read(Path file, String namedBy, List<String> warnings) {
        String where = "config file " + file + " (from " + namedBy + ")";
        try {
            if (!Files.exists(file)) {
                warnings.add(ConfigWarnings.other(where + " does not exist; ignoring it"));
                return Optional.empty();
            }
            if (!Files.isRegularFile(file)) {
                warnings.add(ConfigWarnings.other(where + " is not a regular file; ignoring it"));
                return Optional.empty();
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                warnings.add(ConfigWarnings.other(where + " is larger than " + MAX_FILE_BYTES + " bytes; ignoring it"));
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(new StringReader(decode(Files.readAllBytes(file))));
            Map<String, String> entries = new TreeMap<>();
            for (String name : properties.stringPropertyNames()) {
                entries.put(name, properties.getProperty(name));
            }
            return Optional.of(entries);
        } catch (NoSuchFileException e) {
            warnings.add(ConfigWarnings.other(where + " does not exist; ignoring it"));
        } catch (IOException | SecurityException e) {
            // The exception's class says enough (AccessDeniedException, ...); its message may repeat the path.
            warnings.add(ConfigWarnings.other(where + " cannot be read (" + e.getClass().getSimpleName() + "); ignoring it"));
        } catch (IllegalArgumentException e) {
            warnings.add(ConfigWarnings.other(where + " is not a valid properties file (bad \\u escape); ignoring it"));
        }
        return Optional.empty();
    }

    /**
     * UTF-8 as people write files today; if the bytes are not valid UTF-8, ISO-8859-1 as
     * {@code Properties.load(InputStream)} has always read them.
     */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
