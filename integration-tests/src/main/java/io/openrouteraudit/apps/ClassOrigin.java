package io.openrouteraudit.apps;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.jar.JarFile;

/** Where a class was loaded from (the file name of its code source) and that jar's Bundle-Version. */
final class ClassOrigin {

    private ClassOrigin() {
    }

    /** {@code <class> from <jar file name> (Bundle-Version <v>) loader <loader class>}. */
    static String describe(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        String loader = type.getClassLoader() == null ? "bootstrap" : type.getClassLoader().getClass().getName();
        if (source == null || source.getLocation() == null) {
            return type.getName() + " from (no code source) loader " + loader;
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            return type.getName() + " from " + location.getFileName() + " (Bundle-Version "
                    + bundleVersion(location) + ") loader " + loader;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return type.getName() + " from " + source.getLocation() + " loader " + loader;
        }
    }

    private static String bundleVersion(Path jar) {
        if (!jar.toString().endsWith(".jar")) {
            return "none";
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            String version = file.getManifest() == null ? null
                    : file.getManifest().getMainAttributes().getValue("Bundle-Version");
            return version == null ? "none" : version;
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
