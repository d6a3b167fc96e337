package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a journal fixture ({@code main(AGENT_JAR, JOURNAL_DIR, args…)}, writing through
 * {@link AgentJournalWriter}) in a forked JVM whose class path is the agent jar and these test
 * classes, with the module grants Chronicle needs.
 */
final class FixtureJournal {

    private FixtureJournal() {
    }

    /** Writes the fixture's journal into {@code dir}; the fixture must exit 0. */
    static Path write(Class<?> fixture, Path dir, String... args) {
        List<String> all = new ArrayList<>(List.of(AgentJar.require().toString(), dir.toString()));
        all.addAll(List.of(args));
        ForkedJvm.mainClass(TestJdk.JDK_17, AgentJar.require() + File.pathSeparator + testClasses(),
                        fixture.getName())
                .jvmOption("--add-exports=java.base/sun.nio.ch=ALL-UNNAMED")
                .jvmOption("--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED")
                .jvmOption("--add-opens=java.base/java.lang.reflect=ALL-UNNAMED")
                .args(all)
                .run()
                .assertExitCode(0);
        return dir;
    }

    /** The directory of the compiled test classes (integration-tests/target/test-classes). */
    static Path testClasses() {
        try {
            return Path.of(FixtureJournal.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            return fail("cannot locate the test classes: " + e);
        }
    }
}
