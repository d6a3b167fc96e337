package io.openrouteraudit.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** Builds the two inputs of {@link ConfigLoader#load} without touching the real JVM's settings. */
final class TestInputs {

    private TestInputs() {
    }

    /** System properties with {@code user.dir} set, plus name/value pairs. */
    static Properties props(Path userDir, String... nameValuePairs) {
        Properties p = new Properties();
        p.setProperty("user.dir", userDir.toString());
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            p.setProperty(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return p;
    }

    static Map<String, String> env(String... nameValuePairs) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            m.put(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return m;
    }
}
