package io.openrouteraudit.it;

import io.openrouteraudit.sim.RecordedExchange;
import java.util.List;

/** One run of an application: how its JVM ended, and what the simulator received from it. */
record AppRun(ForkedJvmResult process, List<RecordedExchange> exchanges) {

    /** The exchanges addressed to the audited host (not, say, to {@code localhost}). */
    List<RecordedExchange> auditedExchanges() {
        return exchanges.stream()
                .filter(e -> AuditConfiguration.AUDITED_HOST.equals(e.request().hostName()))
                .toList();
    }
}
