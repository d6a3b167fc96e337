package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.openrouteraudit.sim.SimulatedBehaviour;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Event streams: both usage shapes, keep-alives, with and without [DONE], an error mid-stream. */
class JdkHttpClientStreamsIT extends SimulatorPerClass {

    private final JdkClientAppAudit audit = new JdkClientAppAudit(simulator);

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdk.class)
    void streamsAreRecordedWithUsageErrorsAndTimeToFirstToken(TestJdk jdk, @TempDir Path temp) {
        ComparedRuns runs = audit.runUnchanged(jdk, temp, "stream-ofLines", "stream-ofInputStream",
                "stream-ofString", "stream-usage-empty-choices", "stream-no-done", "stream-midstream-error");
        assertEquals(6, runs.withAgent().auditedExchanges().size());

        ExportedJournal journal = JdkClientAppAudit.journalMatchingSimulator(runs);

        JsonNode documentedShape = journal.recordWithModel(SimulatedBehaviour.STREAM_USAGE_EMPTY_CHOICES.modelId());
        assertNotNull(JsonFields.integer(documentedShape, "reasoning_tokens"),
                "usage details of the documented shape are recorded");
        JsonNode noDone = journal.recordWithModel(SimulatedBehaviour.STREAM_NO_DONE.modelId());
        assertEquals("success", JsonFields.text(noDone, "status"), "a complete stream without [DONE] succeeded");
        JsonNode midStreamError = journal.recordWithModel(SimulatedBehaviour.STREAM_MIDSTREAM_ERROR.modelId());
        assertEquals(200, JsonFields.integer(midStreamError, "http_status"));
        assertEquals("error", JsonFields.text(midStreamError, "status"));
        assertEquals("502", JsonFields.text(midStreamError, "error_code"));
    }
}
