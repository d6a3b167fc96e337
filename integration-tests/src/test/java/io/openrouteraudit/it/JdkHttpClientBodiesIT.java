package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every response BodyHandler and request BodyPublisher the JDK ships. */
class JdkHttpClientBodiesIT extends SimulatorPerClass {

    private final JdkClientAppAudit audit = new JdkClientAppAudit(simulator);

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdk.class)
    void everyBodyHandlerGetsTheSameBytesAndEachCallIsRecorded(TestJdk jdk, @TempDir Path temp) {
        String[] handlers = {"handler-ofString", "handler-ofByteArray", "handler-ofInputStream", "handler-ofLines",
                "handler-ofPublisher", "handler-ofFile", "handler-discarding", "handler-replacing",
                "handler-ofByteArrayConsumer", "handler-fromSubscriber", "handler-fromLineSubscriber",
                "handler-buffering"};
        ComparedRuns runs = audit.runUnchanged(jdk, temp, handlers);
        assertEquals(handlers.length, runs.withAgent().auditedExchanges().size());

        JdkClientAppAudit.journalMatchingSimulator(runs);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdk.class)
    void everyBodyPublisherSendsTheSameBytesAndEachCallIsRecorded(TestJdk jdk, @TempDir Path temp) {
        String[] publishers = {"publisher-ofString", "publisher-ofByteArray", "publisher-ofByteArrays",
                "publisher-ofInputStream"};
        ComparedRuns runs = audit.runUnchanged(jdk, temp, publishers);
        assertEquals(publishers.length, runs.withAgent().auditedExchanges().size());

        JdkClientAppAudit.journalMatchingSimulator(runs);
    }
}
