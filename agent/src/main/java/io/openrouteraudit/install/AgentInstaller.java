package io.openrouteraudit.install;

import io.openrouteraudit.config.AuditConfig;
import io.openrouteraudit.config.ConfigLoader;
import io.openrouteraudit.config.ContentMode;
import io.openrouteraudit.config.LoadedConfig;
import io.openrouteraudit.diag.AgentLog;
import io.openrouteraudit.redact.Redactor;
import java.io.File;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up, inside the isolated loader: read the configuration, and if enabled, put the bridge
 * on the bootstrap loader, grant the module edges, and install the transformer. Nothing here
 * opens the journal or touches the network; that waits until the application makes a call.
 */
public final class AgentInstaller {

    private static final String BRIDGE = "io.openrouteraudit.bootstrap.AuditBridge";

    private AgentInstaller() {
    }

    public static void install(Instrumentation inst, File agentJar, boolean attached) throws Exception {
        LoadedConfig loaded = ConfigLoader.load(System.getProperties(), System.getenv());
        AuditConfig config = loaded.config();
        // Plain loops and small classes rather than lambdas on this path: each lambda's first use
        // spins a class at JVM start-up, which the application waits for.
        WarningCollector redactionWarnings = new WarningCollector();
        Redactor redactor = Redactor.create(config.redactRules(), config.redactCustom(), redactionWarnings);
        AgentLog log = new AgentLog(config.logLevel(), new RedactingFilter(redactor), System.err);
        for (String w : loaded.warnings()) {
            log.warn(stripPrefix(w));
        }
        for (String w : redactionWarnings.lines()) {
            log.warn(stripPrefix(w));
        }
        if (!config.enabled()) {
            log.info("disabled by openrouter.audit.enabled=false; nothing installed");
            return;
        }
        if (config.content() == ContentMode.FULL) {
            log.warn("content=full: raw prompt and completion text is written to the journal and spans");
        }
        Module bridge = BootstrapBridgeInjector.inject(inst, agentJar, BRIDGE);
        ModuleGrants.letJavaNetHttpReadBridge(inst, bridge);
        ModuleGrants.openJdkInternalsToChronicle(inst, AgentInstaller.class.getClassLoader().getUnnamedModule());
        // Wiring touches bridge types, so it lives in a class first linked after the append above.
        AgentWiring.wire(inst, config, redactor, log, AgentInstaller.class.getClassLoader());
        log.debug("installed" + (attached ? " (attached to a running JVM)" : ""));
    }

    /** Collects the redaction engine's warnings until the log exists. */
    private static final class WarningCollector implements java.util.function.Consumer<String> {
        private final List<String> lines = new ArrayList<>();

        @Override
        public void accept(String line) {
            lines.add(line);
        }

        List<String> lines() {
            return lines;
        }
    }

    /** The agent's log lines go through the same redaction as everything else that leaves. */
    private static final class RedactingFilter implements java.util.function.UnaryOperator<String> {
        private final Redactor redactor;

        RedactingFilter(Redactor redactor) {
            this.redactor = redactor;
        }

        @Override
        public String apply(String line) {
            return redactor.redactText(line);
        }
    }

    private static String stripPrefix(String warning) {
        String prefix = "openrouter-audit: ";
        return warning.startsWith(prefix) ? warning.substring(prefix.length()) : warning;
    }
}
