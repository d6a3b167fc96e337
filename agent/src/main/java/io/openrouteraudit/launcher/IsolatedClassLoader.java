package io.openrouteraudit.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
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

    public IsolatedClassLoader(JarFile jar, URL jarLocation) {
        super("openrouter-audit", ClassLoader.getPlatformClassLoader());
        this.jar = jar;
        this.jarUrl = jarLocation.toExternalForm();
        this.protectionDomain = new ProtectionDomain(
                new CodeSource(jarLocation, (Certificate[]) null), null, this, null);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
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

    private void definePackageFor(String className) {
        int dot = className.lastIndexOf('.');
        if (dot <= 0) {
            return;
        }
        String pkg = className.substring(0, dot);
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
