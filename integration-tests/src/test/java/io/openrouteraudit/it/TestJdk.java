package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JDKs every main scenario runs on. A JDK that is not installed fails the test that needs
 * it, with a message saying where it was looked for: a missing JDK must never pass as a skip.
 */
enum TestJdk {
    /** The JDK running the build (the project's floor, Java 17). */
    JDK_17 {
        @Override
        Path home() {
            return Path.of(System.getProperty("java.home"));
        }
    },
    /** Temurin 25; {@code -Djdk25.home=...} points elsewhere. */
    JDK_25 {
        @Override
        Path home() {
            return Path.of(System.getProperty("jdk25.home", "/usr/lib/jvm/temurin-25-jdk-amd64"));
        }
    };

    abstract Path home();

    /** {@code <home>/bin/java}, or a test failure naming the missing directory. */
    Path javaExecutable() {
        Path java = home().resolve("bin").resolve("java");
        if (!Files.isExecutable(java)) {
            fail(this + ": no java executable at " + java + " — install that JDK there, or point -D"
                    + (this == JDK_25 ? "jdk25.home" : "java.home") + " at it");
        }
        return java;
    }
}
