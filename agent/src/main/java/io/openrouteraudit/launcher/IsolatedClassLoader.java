package io.openrouteraudit.launcher;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads the agent and its third-party libraries from {@code inst/} inside the agent jar.
 *
 * <p>Classes there are stored as {@code .classdata} so that the system class loader, which
 * sees the agent jar because the JVM puts every {@code -javaagent} jar on the class path, can
 * never load them: an application with its own Jackson, Byte Buddy or SLF4J keeps its own.
 * The parent is the platform loader, so {@code java.net.http} is visible and the bootstrap
 * bridge is found by ordinary delegation.
 */
public final class IsolatedClassLoader extends ClassLoader {

    static final String PREFIX = "inst/";
    private static final String CLASS_SUFFIX = ".classdata";

    static {
        registerAsParallelCapable();
    }

    private final JarFile jar;
    private final String jarUrl;
    private final ProtectionDomain protectionDomain;
    /** Classes are read from here; null when it could not index the jar, and they come through {@link #jar}. */
    private final ClassDataArchive classesOrNull;
    private final Set<String> jdkPackages;

    public IsolatedClassLoader(JarFile jar, URL jarLocation) {
        super("openrouter-audit", ClassLoader.getPlatformClassLoader());
        this.jar = jar;
        this.jarUrl = jarLocation.toExternalForm();
        this.protectionDomain = new ProtectionDomain(
                new CodeSource(jarLocation, (Certificate[]) null), null, this, null);
        this.classesOrNull = indexClasses(jar);
        this.jdkPackages = classesOrNull == null ? Set.of() : bootLayerPackages();
    }

    private static ClassDataArchive indexClasses(JarFile jar) {
        try {
            return ClassDataArchive.open(new File(jar.getName()), PREFIX, CLASS_SUFFIX);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Parent first, as {@link ClassLoader#loadClass} does, except for a class the agent jar has
     * in a package that no module of the boot layer holds: the platform loader answers each such
     * request with a {@code ClassNotFoundException} and its stack trace, about 1,300 of them at
     * start-up. So another agent's jar appended to the boot class path with, say, its own
     * Chronicle no longer shadows ours, which isolation wants anyway. The bootstrap bridge is not
     * among ours and is found by ordinary delegation.
     */
    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (classesOrNull == null) {
            return super.loadClass(name, resolve);
        }
        String internalName = name.replace('.', '/');
        if (!classesOrNull.contains(internalName) || jdkPackages.contains(packageOf(name))) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = define(name, internalName);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (classesOrNull == null) {
            return defineFromJar(name);
        }
        return define(name, name.replace('.', '/'));
    }

    private Class<?> define(String name, String internalName) throws ClassNotFoundException {
        Class<?> defined;
        try {
            defined = classesOrNull.withClassBytes(internalName, new Definition(name));
        } catch (IOException e) {
            // the jar changed on disk, say: ZipFile has its own view of it
            return defineFromJar(name);
        }
        if (defined == null) {
            throw new ClassNotFoundException(name);
        }
        return defined;
    }

    /** Defines one class from bytes the archive lends (a class, not a lambda: this runs before any lambda is cheap). */
    private final class Definition implements ClassDataArchive.ClassBytes<Class<?>> {
        private final String name;

        Definition(String name) {
            this.name = name;
        }

        @Override
        public Class<?> use(byte[] bytes, int length) {
            definePackageFor(name);
            return defineClass(name, bytes, 0, length, protectionDomain);
        }
    }

    private Class<?> defineFromJar(String name) throws ClassNotFoundException {
        String path = PREFIX + name.replace('.', '/') + CLASS_SUFFIX;
        JarEntry entry = jar.getJarEntry(path);
        if (entry == null) {
            throw new ClassNotFoundException(name);
        }
        byte[] bytes;
        try (InputStream in = jar.getInputStream(entry)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
        definePackageFor(name);
        return defineClass(name, bytes, 0, bytes.length, protectionDomain);
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot <= 0 ? "" : className.substring(0, dot);
    }

    /** The packages of the boot layer's modules: the only ones the platform loader and its parent define. */
    private static Set<String> bootLayerPackages() {
        Set<String> packages = new HashSet<>();
        for (Module module : ModuleLayer.boot().modules()) {
            packages.addAll(module.getPackages());
        }
        return packages;
    }

    private void definePackageFor(String className) {
        String pkg = packageOf(className);
        if (pkg.isEmpty()) {
            return;
        }
        if (getDefinedPackage(pkg) == null) {
            try {
                definePackage(pkg, null, null, null, null, null, null, null);
            } catch (IllegalArgumentException raced) {
                // another thread defined it first
            }
        }
    }

    @Override
    protected URL findResource(String name) {
        String path = entryPathOf(name);
        if (jar.getJarEntry(path) == null) {
            return null;
        }
        try {
            return new URL("jar:" + jarUrl + "!/" + path);
        } catch (MalformedURLException e) {
            return null;
        }
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        URL url = findResource(name);
        return url == null ? Collections.emptyEnumeration() : Collections.enumeration(Collections.singletonList(url));
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        // Served straight from the open jar: Chronicle and the SDKs read resources this way,
        // and a jar: URL connection per resource would be needlessly slow.
        JarEntry entry = jar.getJarEntry(entryPathOf(name));
        if (entry != null) {
            try {
                return jar.getInputStream(entry);
            } catch (IOException e) {
                return null;
            }
        }
        return super.getResourceAsStream(name);
    }

    private static String entryPathOf(String resourceName) {
        String name = resourceName.startsWith("/") ? resourceName.substring(1) : resourceName;
        if (name.endsWith(".class")) {
            name = name.substring(0, name.length() - ".class".length()) + CLASS_SUFFIX;
        }
        return PREFIX + name;
    }
}
