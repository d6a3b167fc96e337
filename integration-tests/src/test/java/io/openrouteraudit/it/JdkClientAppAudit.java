package io.openrouteraudit.it;

import io.openrouteraudit.apps.JdkClientApp;
import io.openrouteraudit.sim.OpenRouterSimulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The common course of a JdkClientApp test: run scenarios without and with the agent, require
 * the application unchanged, then require a verified journal whose records equal what the
 * simulator received and sent, with no secret anywhere.
 */
final class JdkClientAppAudit {

    static final String CLIENT = "jdk-httpclient";
    static final RecordExpectations EXPECTATIONS = new RecordExpectations(CLIENT);

    private final OpenRouterSimulator simulator;
    private final AgentComparison comparison;

    JdkClientAppAudit(OpenRouterSimulator simulator) {
        this.simulator = simulator;
        this.comparison = new AgentComparison(simulator);
    }

    /** Runs the scenarios without and with the agent and requires the same transcript and the same requests. */
    ComparedRuns runUnchanged(TestJdk jdk, Path tempDir, String... scenarios) {
        List<String> args = new ArrayList<>();
        args.add(simulator.baseUrl());
        args.addAll(List.of(scenarios));
        ComparedRuns runs = comparison.run(jdk, tempDir.resolve("journal"), AppClassPath.apps(),
                JdkClientApp.class, args);
        runs.assertApplicationUnchanged();
        return runs;
    }

    /** The journal of the run with the agent: verified, well formed, free of secrets. */
    static ExportedJournal verifiedJournal(ComparedRuns runs) {
        return ExportedJournal.read(runs.journalDir())
                .assertWellFormed(CLIENT)
                .assertNoSecrets(runs.withAgent().process());
    }

    /** As {@link #verifiedJournal}, and first one record per audited exchange equal to what was sent. */
    static ExportedJournal journalMatchingSimulator(ComparedRuns runs) {
        return ExportedJournal.read(runs.journalDir())
                .assertWellFormed(CLIENT)
                .assertOneRecordPerExchange(runs.withAgent().auditedExchanges(), EXPECTATIONS)
                .assertNoSecrets(runs.withAgent().process());
    }
}
