package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * {@code mount} and {@code umount} for the journal fault tests, bounded. They need root (or
 * {@code CAP_SYS_ADMIN}); without it the test fails and says so - it never skips.
 */
final class MountCommand {

    private MountCommand() {
    }

    static void run(String... command) {
        String shown = String.join(" ", command);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(shown + " did not finish within 30 s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.exitValue() != 0) {
                fail(shown + " failed (exit " + process.exitValue() + "): " + output
                        + " - the journal fault tests mount file systems and need root or CAP_SYS_ADMIN");
            }
        } catch (IOException e) {
            fail("cannot run " + shown + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while running " + shown);
        }
    }
}
