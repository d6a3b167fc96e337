package io.openrouteraudit.telemetry;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The few {@code otel.*} settings the agent must know before its SDK exists: whether spans will
 * be exported at all (else the journal gets no span ids), and the agent's own defaults.
 */
final class ExportSignals {

    static final String TRACES_EXPORTER = "otel.traces.exporter";
    static final String METRICS_EXPORTER = "otel.metrics.exporter";
    static final String LOGS_EXPORTER = "otel.logs.exporter";
    static final String SDK_DISABLED = "otel.sdk.disabled";
    static final String PROTOCOL = "otel.exporter.otlp.protocol";

    private ExportSignals() {
    }

    /** A setting as autoconfiguration reads it: the system property, else the environment variable. */
    static String read(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return value;
    }

    static boolean tracesExported(Function<String, String> settings) {
        return !sdkDisabled(settings) && exported(settings.apply(TRACES_EXPORTER));
    }

    /**
     * Whether any signal leaves the process, each exporter read as the SDK will get it (the
     * user's setting, else {@link #sdkDefaults}): with traces and metrics set to {@code none} and
     * the logs left at the agent's default, there is nothing for an SDK to do, so none is started.
     */
    static boolean anythingExported(Function<String, String> settings) {
        if (sdkDisabled(settings)) {
            return false;
        }
        Map<String, String> defaults = sdkDefaults(settings);
        for (String exporter : new String[] {TRACES_EXPORTER, METRICS_EXPORTER, LOGS_EXPORTER}) {
            String value = settings.apply(exporter);
            if (exported(value != null ? value : defaults.get(exporter))) {
                return true;
            }
        }
        return false;
    }

    private static boolean sdkDisabled(Function<String, String> settings) {
        return "true".equalsIgnoreCase(trimmed(settings.apply(SDK_DISABLED)));
    }

    /** Whether an exporter setting exports: unset or blank is the SDK's own default, {@code otlp}. */
    private static boolean exported(String setting) {
        String exporters = trimmed(setting);
        return exporters == null || !"none".equalsIgnoreCase(exporters);
    }

    /**
     * Defaults under the user's settings. The audit log records go out only when asked for
     * ({@code otel.logs.exporter=otlp}): Jaeger and Langfuse take no logs. The protocol is
     * {@code http/protobuf} (port 4318), as in the OpenTelemetry Java agent: the JDK's own HTTP
     * client sends it, and Langfuse takes nothing else; {@code grpc} stays one setting away.
     */
    static Map<String, String> sdkDefaults(Function<String, String> settings) {
        Map<String, String> defaults = new HashMap<>();
        if (settings.apply(LOGS_EXPORTER) == null) {
            defaults.put(LOGS_EXPORTER, "none");
        }
        if (settings.apply(PROTOCOL) == null) {
            defaults.put(PROTOCOL, "http/protobuf");
        }
        return defaults;
    }

    /** A setting's value without surrounding blanks; null when unset or blank, as autoconfiguration takes it. */
    static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
