package io.openrouteraudit.telemetry;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.Map;
import java.util.function.Function;

/**
 * The agent's own OpenTelemetry SDK, configured by the SDK's autoconfiguration from the standard
 * {@code otel.*} system properties and {@code OTEL_*} variables. It is never made global, so the
 * application's {@code GlobalOpenTelemetry} stays its own, and it has no shutdown hook of its
 * own: the agent's hook flushes it after the last record (see {@link OtlpExport#close}).
 */
final class AgentSdk {

    private AgentSdk() {
    }

    static OpenTelemetrySdk start(ClassLoader agentLoader, PresetIdGenerator ids, Function<String, String> settings) {
        Map<String, String> defaults = ExportSignals.sdkDefaults(settings);
        return AutoConfiguredOpenTelemetrySdk.builder()
                .setServiceClassLoader(agentLoader)
                .disableShutdownHook()
                .addPropertiesSupplier(() -> defaults)
                .addTracerProviderCustomizer((builder, config) -> builder.setIdGenerator(ids))
                .build()
                .getOpenTelemetrySdk();
    }
}
