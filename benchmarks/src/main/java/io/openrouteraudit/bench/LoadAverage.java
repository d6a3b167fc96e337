package io.openrouteraudit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The 1/5/15-minute load averages, for saying how busy the machine was while it measured. */
final class LoadAverage {

    private LoadAverage() {
    }

    static String now() {
        String load;
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            load = fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            load = "unknown";
        }
        return Instant.now().truncatedTo(ChronoUnit.SECONDS) + " load average " + load + " on "
                + Runtime.getRuntime().availableProcessors() + " cpus";
    }
}
