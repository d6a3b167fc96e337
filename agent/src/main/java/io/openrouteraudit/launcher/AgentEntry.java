package io.openrouteraudit.launcher;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.util.jar.JarFile;

/**
 * The only agent class on the system class path: premain, agentmain and the command line's
 * main. It builds the isolated loader and hands over; everything else lives behind it.
 */
public final class AgentEntry {

    private static final String INSTALLER = "io.openrouteraudit.install.AgentInstaller";
    private static final String CLI = "io.openrouteraudit.cli.AuditCli";

    private AgentEntry() {
    }

    public static void premain(String args, Instrumentation inst) {
        start(args, inst, false);
    }

    public static void agentmain(String args, Instrumentation inst) {
        start(args, inst, true);
    }

    public static void main(String[] args) {
        int exit;
        try {
            ClassLoader loader = isolatedLoader();
            Object code = Class.forName(CLI, true, loader)
                    .getMethod("run", String[].class)
                    .invoke(null, (Object) args);
            exit = (Integer) code;
        } catch (InvocationTargetException e) {
            System.err.println("openrouter-audit: " + e.getCause());
            exit = 70;
        } catch (Throwable t) {
            System.err.println("openrouter-audit: cannot start the command line: " + t);
            exit = 70;
        }
        System.exit(exit);
    }

    private static void start(String args, Instrumentation inst, boolean attached) {
        try {
            File jarFile = agentJar();
            ClassLoader loader = new IsolatedClassLoader(new JarFile(jarFile, false), jarFile.toURI().toURL());
            Class.forName(INSTALLER, true, loader)
                    .getMethod("install", Instrumentation.class, File.class, boolean.class)
                    .invoke(null, inst, jarFile, attached);
        } catch (Throwable t) {
            Throwable cause = t instanceof InvocationTargetException ? t.getCause() : t;
            // One line, never a stack trace: the application starts regardless.
            System.err.println("openrouter-audit: agent not started: " + cause);
        }
    }

    private static ClassLoader isolatedLoader() throws Exception {
        File jarFile = agentJar();
        return new IsolatedClassLoader(new JarFile(jarFile, false), jarFile.toURI().toURL());
    }

    private static File agentJar() throws Exception {
        URL location = AgentEntry.class.getProtectionDomain().getCodeSource().getLocation();
        return new File(location.toURI());
    }
}
