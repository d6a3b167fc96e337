package io.openrouteraudit.telemetry;

import java.io.InputStream;
import java.util.Properties;

/** The agent's version, for the instrumentation scope of what it exports. */
final class AgentVersion {

    private static final String RESOURCE = "io/openrouteraudit/cli/version.properties";

    private AgentVersion() {
    }

    static String read(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (Exception e) {
            return "unknown";
        }
    }
}
