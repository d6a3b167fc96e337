package io.openrouteraudit.it;

import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A local OTLP collector on 127.0.0.1 for the tests: OTLP/HTTP with protobuf bodies
 * ({@code POST /v1/traces}, {@code /v1/metrics}, {@code /v1/logs}) and OTLP/gRPC (the services'
 * {@code Export} methods over cleartext HTTP/2, length-prefixed messages, {@code grpc-status} in
 * the trailers), on one port. It keeps every byte it receives and decodes the messages with the
 * real OTLP protobuf classes.
 */
final class OtlpReceiver implements AutoCloseable {

    /** How it answers. */
    enum Behaviour {
        /** success, as a collector does */
        ACCEPT,
        /** HTTP 500, or gRPC status INTERNAL */
        FAIL,
        /** no answer until the receiver closes (at most a minute) */
        STALL
    }

    /** One export request as it arrived. */
    record Received(String path, String httpVersion, String contentType, byte[] message) {
        boolean grpc() {
            return contentType != null && contentType.startsWith("application/grpc");
        }
    }

    private static final String GRPC_TRACES = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";
    private static final String GRPC_METRICS = "/opentelemetry.proto.collector.metrics.v1.MetricsService/Export";
    private static final String GRPC_LOGS = "/opentelemetry.proto.collector.logs.v1.LogsService/Export";

    private final Server server;
    private final ServerConnector connector;
    private final Behaviour behaviour;
    private final List<Received> received = new ArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    private OtlpReceiver(Server server, ServerConnector connector, Behaviour behaviour) {
        this.server = server;
        this.connector = connector;
        this.behaviour = behaviour;
    }

    static OtlpReceiver start(Behaviour behaviour) {
        QueuedThreadPool threads = new QueuedThreadPool(32, 4);
        threads.setName("otlp-receiver");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, 1, 1,
                new HttpConnectionFactory(config), new HTTP2CServerConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setStopTimeout(1_000);
        OtlpReceiver receiver = new OtlpReceiver(server, connector, behaviour);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                receiver.serve(request, response, callback);
                return true;
            }
        });
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the OTLP receiver", e);
        }
        return receiver;
    }

    /** {@code http://127.0.0.1:PORT}, the value of {@code otel.exporter.otlp.endpoint}. */
    String endpoint() {
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** Every byte of every message received, for a scan for secrets. */
    String allBytesAsText() {
        StringBuilder all = new StringBuilder();
        for (Received r : received()) {
            all.append(new String(r.message(), java.nio.charset.StandardCharsets.UTF_8)).append('\n');
        }
        return all.toString();
    }

    List<Span> spans() {
        List<Span> spans = new ArrayList<>();
        for (Received r : of("/v1/traces", GRPC_TRACES)) {
            ExportTraceServiceRequest request = parse(() -> ExportTraceServiceRequest.parseFrom(r.message()));
            request.getResourceSpansList().forEach(rs -> rs.getScopeSpansList()
                    .forEach(ss -> spans.addAll(ss.getSpansList())));
        }
        return spans;
    }

    List<Metric> metrics() {
        List<Metric> metrics = new ArrayList<>();
        for (Received r : of("/v1/metrics", GRPC_METRICS)) {
            ExportMetricsServiceRequest request = parse(() -> ExportMetricsServiceRequest.parseFrom(r.message()));
            request.getResourceMetricsList().forEach(rm -> rm.getScopeMetricsList()
                    .forEach(sm -> metrics.addAll(sm.getMetricsList())));
        }
        return metrics;
    }

    List<LogRecord> logRecords() {
        List<LogRecord> logs = new ArrayList<>();
        for (Received r : of("/v1/logs", GRPC_LOGS)) {
            ExportLogsServiceRequest request = parse(() -> ExportLogsServiceRequest.parseFrom(r.message()));
            request.getResourceLogsList().forEach(rl -> rl.getScopeLogsList()
                    .forEach(sl -> logs.addAll(sl.getLogRecordsList())));
        }
        return logs;
    }

    /** The {@code service.name} of the first span batch's resource. */
    String serviceName() {
        for (Received r : of("/v1/traces", GRPC_TRACES)) {
            ExportTraceServiceRequest request = parse(() -> ExportTraceServiceRequest.parseFrom(r.message()));
            for (var kv : request.getResourceSpans(0).getResource().getAttributesList()) {
                if (kv.getKey().equals("service.name")) {
                    return kv.getValue().getStringValue();
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        closing.countDown();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the OTLP receiver", e);
        }
    }

    private List<Received> of(String httpPath, String grpcPath) {
        return received().stream().filter(r -> r.path().equals(httpPath) || r.path().equals(grpcPath)).toList();
    }

    private interface Parse<T> {
        T run() throws InvalidProtocolBufferException;
    }

    private static <T> T parse(Parse<T> parse) {
        try {
            return parse.run();
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("the exporter sent a message that is not valid OTLP protobuf", e);
        }
    }

    private void serve(Request request, Response response, Callback callback) {
        try {
            byte[] body;
            try (InputStream in = Content.Source.asInputStream(request)) {
                body = in.readAllBytes();
            }
            String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
            Received r = new Received(request.getHttpURI().getPath(),
                    request.getConnectionMetaData().getHttpVersion().asString(), contentType,
                    contentType != null && contentType.startsWith("application/grpc") ? unframe(body) : body);
            synchronized (this) {
                received.add(r);
            }
            if (behaviour == Behaviour.STALL) {
                closing.await(60, TimeUnit.SECONDS);
            }
            if (r.grpc()) {
                answerGrpc(response, callback);
            } else {
                response.setStatus(behaviour == Behaviour.FAIL ? 500 : 200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/x-protobuf");
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
                response.write(true, ByteBuffer.allocate(0), callback);
            }
        } catch (Throwable e) {
            callback.failed(e);
        }
    }

    /** A gRPC answer: an empty response message, then the status in the trailers. */
    private void answerGrpc(Response response, Callback callback) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/grpc");
        String status = behaviour == Behaviour.FAIL ? "13" : "0";
        response.setTrailersSupplier(() -> HttpFields.build().put("grpc-status", status));
        response.write(true, ByteBuffer.wrap(new byte[5]), callback);
    }

    /** The message of a gRPC length-prefixed frame: 1 byte compressed flag, 4 bytes length. */
    private static byte[] unframe(byte[] body) {
        if (body.length < 5) {
            return new byte[0];
        }
        int length = ByteBuffer.wrap(body, 1, 4).getInt();
        byte[] message = new byte[Math.min(length, body.length - 5)];
        System.arraycopy(body, 5, message, 0, message.length);
        return message;
    }
}
