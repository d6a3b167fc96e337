package io.openrouteraudit.it;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The agent configuration of the tests (SPEC §3): audit the simulator's host, journal in a temp dir, no OTLP. */
final class AuditConfiguration {

    /** The host the simulator listens on, and the only one audited. */
    static final String AUDITED_HOST = "127.0.0.1";

    private AuditConfiguration() {
    }

    static Map<String, String> systemProperties(Path journalDir) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("openrouter.audit.hosts", AUDITED_HOST);
        properties.put("openrouter.audit.journal.dir", journalDir.toString());
        properties.put("openrouter.audit.otel.enabled", "false");
        return properties;
    }
}
