package io.openrouteraudit.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Gathers the raw text of every key from the three sources, applying the SPEC precedence
 * (system property over environment over file), and reports keys that are not ours.
 */
final class ConfigSources {

    static final String CONFIG_PROPERTY = ConfigKey.PROPERTY_PREFIX + "config";
    static final String CONFIG_ENV = ConfigKey.ENV_PREFIX + "CONFIG";
    static final String HASH_KEY_ENV = ConfigKey.ENV_PREFIX + "HASH_KEY";

    /**
     * A trimmed value and the key as the user spelled it (e.g. {@code OPENROUTER_AUDIT_CONTENT}
     * or {@code content in /etc/audit.properties}), so a warning points at what to fix.
     */
    record RawValue(String value, String spelledAs) {
    }

    private static final List<String> KEYS = ConfigKey.KEY_NAMES;
    private static final List<String> ENV_SUFFIXES = ConfigKey.ENV_SUFFIX_NAMES;

    /** Indexed by {@link ConfigKey#ordinal()}; an array, as an {@code EnumMap} finds its keys by reflection. */
    private final RawValue[] values = new RawValue[ConfigKey.KEY_NAMES.size()];
    private final List<String> warnings;

    private ConfigSources(List<String> warnings) {
        this.warnings = warnings;
    }

    /** Reads all three sources; problems are appended to {@code warnings}. */
    static ConfigSources read(Properties systemProperties, Map<String, String> environment, Path userDir,
            String userHome, List<String> warnings) {
        ConfigSources sources = new ConfigSources(warnings);
        // Lowest precedence first: each later source overwrites what an earlier one set.
        sources.readFile(systemProperties, environment, userDir, userHome);
        sources.readEnvironment(environment);
        sources.readSystemProperties(systemProperties);
        return sources;
    }

    Optional<RawValue> get(ConfigKey key) {
        return Optional.ofNullable(values[key.ordinal()]);
    }

    private void readSystemProperties(Properties properties) {
        // Only our own names are sorted (for a stable warning order); a JVM has dozens of others.
        List<String> names = new ArrayList<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(ConfigKey.PROPERTY_PREFIX) && !name.equals(CONFIG_PROPERTY)) {
                names.add(name);
            }
        }
        sort(names);
        for (String name : names) {
            String value = properties.getProperty(name);
            String key = name.substring(ConfigKey.PROPERTY_PREFIX.length());
            Optional<ConfigKey> known = ConfigKey.byKey(key);
            if (known.isPresent()) {
                put(known.get(), value, name);
            } else {
                String near = KeySuggester.nearest(key, KEYS, '.');
                warnings.add(ConfigWarnings.unknownKey(name, near == null ? null : ConfigKey.PROPERTY_PREFIX + near));
            }
        }
    }

    private void readEnvironment(Map<String, String> environment) {
        List<String> names = new ArrayList<>();
        for (String name : environment.keySet()) {
            if (name != null && name.startsWith(ConfigKey.ENV_PREFIX)
                    && !name.equals(CONFIG_ENV) && !name.equals(HASH_KEY_ENV)) {
                names.add(name);
            }
        }
        sort(names);
        for (String name : names) {
            String suffix = name.substring(ConfigKey.ENV_PREFIX.length());
            Optional<ConfigKey> known = ConfigKey.byEnvSuffix(suffix);
            if (known.isPresent()) {
                put(known.get(), environment.get(name), name);
            } else {
                String near = KeySuggester.nearest(suffix, ENV_SUFFIXES, '_');
                warnings.add(ConfigWarnings.unknownKey(name, near == null ? null : ConfigKey.ENV_PREFIX + near));
            }
        }
    }

    private void readFile(Properties systemProperties, Map<String, String> environment, Path userDir, String userHome) {
        String namedBy = CONFIG_PROPERTY;
        String location = systemProperties.getProperty(CONFIG_PROPERTY);
        if (location == null) {
            namedBy = CONFIG_ENV;
            location = environment.get(CONFIG_ENV);
        }
        if (location == null || location.isBlank()) {
            return;
        }
        Path file;
        try {
            file = ValueParsers.path(location.trim(), userDir, userHome);
        } catch (InvalidValueException e) {
            warnings.add(ConfigWarnings.other("config file " + ConfigWarnings.quote(location)
                    + " (from " + namedBy + ") is not a valid path; ignoring it"));
            return;
        }
        Optional<Map<String, String>> entries = ConfigFileReader.read(file, namedBy, warnings);
        if (entries.isPresent()) {
            readFileEntries(entries.get(), file);
        }
    }

    /** Both {@code content=} and {@code openrouter.audit.content=} are accepted; the long form wins a clash. */
    private void readFileEntries(Map<String, String> entries, Path file) {
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            String name = entry.getKey();
            boolean longForm = name.startsWith(ConfigKey.PROPERTY_PREFIX);
            String key = longForm ? name.substring(ConfigKey.PROPERTY_PREFIX.length()) : name;
            String spelledAs = name + " in " + file;
            if (key.equals("config")) {
                warnings.add(ConfigWarnings.other(spelledAs
                        + " is ignored; the config file is named only by a system property or environment variable"));
                continue;
            }
            Optional<ConfigKey> known = ConfigKey.byKey(key);
            if (known.isEmpty()) {
                String near = KeySuggester.nearest(key, KEYS, '.');
                String suggestion = near == null ? null : (longForm ? ConfigKey.PROPERTY_PREFIX : "") + near;
                warnings.add(ConfigWarnings.unknownKey(spelledAs, suggestion));
                continue;
            }
            ConfigKey k = known.get();
            if (!longForm && entries.containsKey(k.propertyName())) {
                warnings.add(ConfigWarnings.other("both " + name + " and " + k.propertyName() + " in " + file
                        + "; using " + k.propertyName()));
                continue;
            }
            put(k, entry.getValue(), spelledAs);
        }
    }

    /** Natural order; without loading the sorting classes for the usual zero or one name. */
    private static void sort(List<String> names) {
        if (names.size() > 1) {
            Collections.sort(names);
        }
    }

    private void put(ConfigKey key, String value, String spelledAs) {
        if (value != null) {
            values[key.ordinal()] = new RawValue(value.trim(), spelledAs);
        }
    }
}
