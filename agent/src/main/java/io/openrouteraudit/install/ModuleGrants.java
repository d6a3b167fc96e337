package io.openrouteraudit.install;

import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;

/**
 * The module edges the agent needs, given with {@link Instrumentation#redefineModule} so that
 * the user passes no {@code --add-opens} (see shared/CHRONICLE.md for why each is needed).
 */
final class ModuleGrants {

    private ModuleGrants() {
    }

    /** Advice inlined into {@code java.net.http} calls the bridge in the bootstrap unnamed module. */
    static void letJavaNetHttpReadBridge(Instrumentation inst, Module bridge) {
        java.util.Optional<Module> http = ModuleLayer.boot().findModule("java.net.http");
        if (http.isPresent()) {
            inst.redefineModule(http.get(), Set.of(bridge), Map.of(), Map.of(), Set.of(), Map.of());
        }
    }

    /**
     * Chronicle Queue maps files through {@code sun.nio.ch.FileChannelImpl} (without the export
     * the queue silently opens read-only), cleans buffers through {@code jdk.internal.ref}, and
     * reflects into {@code java.lang.reflect}.
     */
    static void openJdkInternalsToChronicle(Instrumentation inst, Module agent) {
        Module base = Object.class.getModule();
        inst.redefineModule(base, Set.of(),
                Map.of("sun.nio.ch", Set.of(agent), "jdk.internal.ref", Set.of(agent)),
                Map.of("java.lang.reflect", Set.of(agent)),
                Set.of(), Map.of());
    }
}
