package io.openrouteraudit.config;

import java.util.List;

/**
 * The result of {@link ConfigLoader#load}: the configuration to run with and the one-line
 * warnings to print on stderr at start-up (already prefixed with {@code openrouter-audit: }).
 */
public record LoadedConfig(AuditConfig config, List<String> warnings) {

    public LoadedConfig {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
