package io.openrouteraudit.install;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Puts the bridge classes on the bootstrap class loader.
 *
 * <p>Defining them one by one through {@code jdk.internal.misc.Unsafe} (exported to the agent
 * for this with {@code redefineModule}) keeps class-data sharing intact: appending a jar to the
 * bootstrap search path makes HotSpot (17 to 25) stop sharing every non-boot class and print a
 * warning on stderr at each start of the application. The append stays as the fallback.
 */
final class BootstrapBridgeInjector {

    private static final String BRIDGE_PACKAGE = "io/openrouteraudit/bootstrap/";

    private BootstrapBridgeInjector() {
    }

    /** Returns the bridge's module (the bootstrap loader's unnamed module). */
    static Module inject(Instrumentation inst, File agentJar, String bridgeClass) throws Exception {
        try (JarFile jar = new JarFile(agentJar, false)) {
            try {
                defineWithUnsafe(inst, jar);
            } catch (Throwable unsafePathFailed) {
                inst.appendToBootstrapClassLoaderSearch(new JarFile(agentJar, false));
            }
        }
        return Class.forName(bridgeClass, false, null).getModule();
    }

    private static void defineWithUnsafe(Instrumentation inst, JarFile jar) throws Exception {
        Module base = Object.class.getModule();
        Module agent = BootstrapBridgeInjector.class.getModule();
        inst.redefineModule(base, Set.of(), Map.of("jdk.internal.misc", Set.of(agent)), Map.of(), Set.of(), Map.of());
        Class<?> unsafeClass = Class.forName("jdk.internal.misc.Unsafe");
        Object unsafe = unsafeClass.getMethod("getUnsafe").invoke(null);
        Method define = unsafeClass.getMethod("defineClass", String.class, byte[].class, int.class, int.class,
                ClassLoader.class, java.security.ProtectionDomain.class);
        for (JarEntry entry : bridgeEntries(jar)) {
            String name = entry.getName().substring(0, entry.getName().length() - ".class".length()).replace('/', '.');
            if (isDefinedInBootLoader(name)) {
                continue; // attached a second time
            }
            byte[] bytes = read(jar, entry);
            define.invoke(unsafe, name, bytes, 0, bytes.length, null, null);
        }
    }

    /**
     * The bridge's class files, from the list the build writes ({@code bootstrap-classes.txt}):
     * scanning the jar's thousands of entries at start-up would cost more than defining them.
     * Interfaces (the hooks) come before the classes that mention them.
     */
    private static List<JarEntry> bridgeEntries(JarFile jar) throws IOException {
        List<JarEntry> entries = new ArrayList<>();
        JarEntry index = jar.getJarEntry("inst/bootstrap-classes.txt");
        if (index == null) {
            throw new IOException("the agent jar has no list of bridge classes");
        }
        String list = new String(read(jar, index), java.nio.charset.StandardCharsets.UTF_8);
        for (String name : list.split("\\R")) {
            String trimmed = name.trim();
            if (trimmed.startsWith(BRIDGE_PACKAGE) && trimmed.endsWith(".class")) {
                JarEntry entry = jar.getJarEntry(trimmed);
                if (entry == null) {
                    throw new IOException("the agent jar lacks " + trimmed);
                }
                entries.add(entry);
            }
        }
        entries.sort(BRIDGE_LAST);
        return entries;
    }

    private static final Comparator<JarEntry> BRIDGE_LAST = new Comparator<>() {
        @Override
        public int compare(JarEntry a, JarEntry b) {
            boolean aBridge = a.getName().endsWith("Bridge.class");
            boolean bBridge = b.getName().endsWith("Bridge.class");
            return aBridge != bBridge ? (aBridge ? 1 : -1) : a.getName().compareTo(b.getName());
        }
    };

    private static boolean isDefinedInBootLoader(String name) {
        try {
            Class.forName(name, false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static byte[] read(JarFile jar, JarEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }
}
