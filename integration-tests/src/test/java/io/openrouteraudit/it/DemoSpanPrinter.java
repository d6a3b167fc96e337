package io.openrouteraudit.it;

import static io.openrouteraudit.it.ExportedSpans.attributes;
import static io.openrouteraudit.it.ExportedSpans.hex;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The README demo's collector: {@code DemoSpanPrinter ENDPOINT_FILE STOP_FILE} receives OTLP on
 * 127.0.0.1 (the same decoding receiver as the tests), writes its endpoint to ENDPOINT_FILE, and
 * once STOP_FILE exists (or after two minutes) prints each span it received with the GenAI
 * attributes a backend would show, and exits.
 */
public final class DemoSpanPrinter {

    private static final long MAX_WAIT_MILLIS = 120_000;
    private static final List<String> SHOWN = List.of("gen_ai.operation.name", "gen_ai.request.model",
            "gen_ai.response.model", "gen_ai.provider.name", "gen_ai.usage.input_tokens",
            "gen_ai.usage.output_tokens", "gen_ai.usage.cost", "openrouter.provider", "openrouter.status",
            "gen_ai.response.id");

    private DemoSpanPrinter() {
    }

    public static void main(String[] args) throws Exception {
        Path endpointFile = Path.of(args[0]);
        Path stopFile = Path.of(args[1]);
        try (OtlpReceiver receiver = OtlpReceiver.start(OtlpReceiver.Behaviour.ACCEPT)) {
            Files.writeString(endpointFile, receiver.endpoint(), StandardCharsets.UTF_8);
            long deadline = System.currentTimeMillis() + MAX_WAIT_MILLIS;
            while (!Files.exists(stopFile) && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            List<Span> spans = receiver.spans();
            System.out.println(spans.size() + " span(s) received over OTLP/HTTP (protobuf):");
            for (Span span : spans) {
                System.out.println("  " + span.getName() + "  kind=" + span.getKind().name().replace("SPAN_KIND_", "")
                        + "  trace_id=" + hex(span.getTraceId()) + "  span_id=" + hex(span.getSpanId())
                        + "  status=" + span.getStatus().getCode().name().replace("STATUS_CODE_", ""));
                Map<String, AnyValue> attributes = attributes(span.getAttributesList());
                for (String key : SHOWN) {
                    AnyValue value = attributes.get(key);
                    if (value != null) {
                        System.out.println("      " + key + " = " + text(value));
                    }
                }
            }
        }
    }

    private static String text(AnyValue value) {
        switch (value.getValueCase()) {
            case INT_VALUE:
                return Long.toString(value.getIntValue());
            case DOUBLE_VALUE:
                return Double.toString(value.getDoubleValue());
            case BOOL_VALUE:
                return Boolean.toString(value.getBoolValue());
            default:
                return value.getStringValue();
        }
    }
}
