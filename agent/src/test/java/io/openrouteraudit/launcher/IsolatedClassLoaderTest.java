package io.openrouteraudit.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's classes come from its own archive reader, byte for byte what the jar holds. */
class IsolatedClassLoaderTest {

    @TempDir
    Path dir;

    /** Defining {@link Probe} loads this one too, while the read of the first is over. */
    public abstract static class ProbeBase {
    }

    /** Loaded from the test jar by the isolated loader; its own copy, not the test class path's. */
    public static final class Probe extends ProbeBase {
        @Override
        public String toString() {
            return "probe";
        }
    }

    /** Not in the test jar: the isolated loader must not find it on the test class path either. */
    public static final class Nothing {
    }

    @Test
    void readsDeflatedAndStoredEntriesByteForByte() throws IOException {
        byte[] deflated = "a class that compresses well, well, well, well, well".repeat(50).getBytes(StandardCharsets.UTF_8);
        byte[] stored = "stored bytes".getBytes(StandardCharsets.UTF_8);
        Path jar = dir.resolve("agent.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, "inst/a/b/Deflated.classdata", deflated, false);
            put(out, "inst/a/b/Stored.classdata", stored, true);
            put(out, "inst/a/b/resource.txt", stored, false);
            put(out, "a/b/Outside.classdata", stored, false);
        }
        try (ClassDataArchive archive = ClassDataArchive.open(jar.toFile(), "inst/", ".classdata")) {
            assertNotNull(archive);
            assertArrayEquals(deflated, copyOf(archive, "a/b/Deflated"));
            assertArrayEquals(stored, copyOf(archive, "a/b/Stored"));
            assertArrayEquals(deflated, copyOf(archive, "a/b/Deflated"), "a second read, with the reused inflater");
            assertNull(copyOf(archive, "a/b/Missing"));
            assertFalse(archive.contains("a/b/resource.txt"));
            assertFalse(archive.contains("a/b/Outside"));
        }
    }

    @Test
    void lentBuffersStayWholeWhileNestedReadsBorrowOthersAndComeBackAfterAFailure() throws IOException {
        byte[] outer = "outer class bytes, outer, outer".repeat(40).getBytes(StandardCharsets.UTF_8);
        byte[] inner = "inner".repeat(3000).getBytes(StandardCharsets.UTF_8);
        byte[] huge = new byte[300 * 1024]; // past what a pooled buffer grows to
        for (int i = 0; i < huge.length; i++) {
            huge[i] = (byte) (i * 31 + i / 7);
        }
        Path jar = dir.resolve("nested.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, "inst/a/Outer.classdata", outer, false);
            put(out, "inst/a/Inner.classdata", inner, false);
            put(out, "inst/a/Huge.classdata", huge, true);
        }
        try (ClassDataArchive archive = ClassDataArchive.open(jar.toFile(), "inst/", ".classdata")) {
            assertNotNull(archive);
            // Ten levels deep, past the pooled readers: every level still sees its own bytes intact.
            assertEquals(10, nest(archive, 10, outer, inner));
            assertArrayEquals(huge, copyOf(archive, "a/Huge"));
            assertThrows(IllegalStateException.class, () -> archive.withClassBytes("a/Outer", (bytes, length) -> {
                throw new IllegalStateException("a definer that fails");
            }));
            for (int i = 0; i < 20; i++) {
                assertArrayEquals(i % 2 == 0 ? outer : inner, copyOf(archive, i % 2 == 0 ? "a/Outer" : "a/Inner"),
                        "reads after a failed definer");
            }
        }
    }

    private static int nest(ClassDataArchive archive, int depth, byte[] outer, byte[] inner) throws IOException {
        String name = depth % 2 == 0 ? "a/Outer" : "a/Inner";
        byte[] expected = depth % 2 == 0 ? outer : inner;
        Integer levels = archive.withClassBytes(name, (bytes, length) -> {
            byte[] before = Arrays.copyOf(bytes, length);
            int below = 0;
            if (depth > 1) {
                try {
                    below = nest(archive, depth - 1, outer, inner);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            assertArrayEquals(expected, before);
            assertArrayEquals(expected, Arrays.copyOf(bytes, length), "the lent bytes changed under a nested read");
            return below + 1;
        });
        return levels;
    }

    @Test
    void anArchiveThatIsNotAZipIsNotIndexed() throws IOException {
        Path notAJar = Files.write(dir.resolve("not.jar"), "plain text".getBytes(StandardCharsets.UTF_8));
        assertNull(ClassDataArchive.open(notAJar.toFile(), "inst/", ".classdata"));
    }

    @Test
    void definesItsOwnClassesAndLeavesTheJdksToThePlatform() throws Exception {
        Path jar = dir.resolve("agent.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, "inst/" + internalName(Probe.class) + ".classdata", classBytes(Probe.class), false);
            put(out, "inst/" + internalName(ProbeBase.class) + ".classdata", classBytes(ProbeBase.class), true);
            put(out, "inst/java/lang/String.classdata", "not a class".getBytes(StandardCharsets.UTF_8), false);
            put(out, "inst/hello.txt", "hello".getBytes(StandardCharsets.UTF_8), false);
        }
        try (JarFile jarFile = new JarFile(jar.toFile(), false)) {
            IsolatedClassLoader loader = new IsolatedClassLoader(jarFile, jar.toUri().toURL());

            Class<?> probe = Class.forName(Probe.class.getName(), true, loader);
            assertSame(loader, probe.getClassLoader());
            assertSame(loader, probe.getSuperclass().getClassLoader());
            assertTrue(probe != Probe.class);
            assertEquals("probe", probe.getConstructor().newInstance().toString());
            assertSame(probe, loader.loadClass(Probe.class.getName()), "defined once");
            assertEquals(jar.toUri().toURL(), probe.getProtectionDomain().getCodeSource().getLocation());
            assertNotNull(probe.getPackage());

            assertSame(String.class, loader.loadClass("java.lang.String"));
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass(Nothing.class.getName()));
            try (InputStream in = loader.getResourceAsStream("hello.txt")) {
                assertEquals("hello", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    private static String internalName(Class<?> type) {
        return type.getName().replace('.', '/');
    }

    private static byte[] classBytes(Class<?> type) throws IOException {
        String resource = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }

    /** A copy of the lent bytes, exactly as long as the class; null when the jar has no such class. */
    private static byte[] copyOf(ClassDataArchive archive, String internalName) throws IOException {
        return archive.withClassBytes(internalName, (bytes, length) -> Arrays.copyOf(bytes, length));
    }

    private static void put(JarOutputStream out, String name, byte[] bytes, boolean stored) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        if (stored) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(bytes.length);
            entry.setCompressedSize(bytes.length);
            entry.setCrc(crc.getValue());
        }
        out.putNextEntry(entry);
        out.write(bytes);
        out.closeEntry();
    }
}
