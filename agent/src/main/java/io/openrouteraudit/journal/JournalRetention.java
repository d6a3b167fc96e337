package io.openrouteraudit.journal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.RollingResourcesCache;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * {@code journal.retention-days}: deletes the journal's rolled cycle files whose whole cycle
 * ended at or before a cutoff. Never the newest cycle file (the chain's tip, where this and
 * every other process appends) and never the queue's current cycle. Files go oldest first and
 * the first one that cannot be deleted stops the pass, so what remains is always one unbroken
 * stretch of the chain, which {@code verify} checks from its oldest record on.
 *
 * <p>A file is matched to its cycle by the queue's own roll cycle and file-name format; a
 * {@code .cq4} file whose name does not parse as a cycle is not ours and is left alone.
 */
public final class JournalRetention {

    /** What one pass did: the files deleted, oldest first, and why it stopped early, if it did. */
    public record Outcome(List<Path> deleted, IOException failure) {
    }

    private JournalRetention() {
    }

    /** The cutoff for a retention of {@code days} days at {@code now}. */
    public static Instant cutoff(Instant now, int days) {
        return now.minusSeconds(86_400L * days);
    }

    /** One pass over the queue's directory; does not touch the queue's own state (the writer refreshes it). */
    static Outcome deleteRolledCycles(SingleChronicleQueue queue, Instant cutoff) {
        File dir = queue.file();
        RollCycle roll = queue.rollCycle();
        RollingResourcesCache names = new RollingResourcesCache(roll, queue.epoch(),
                name -> new File(dir, name + SingleChronicleQueue.SUFFIX),
                file -> file.getName().substring(0, file.getName().length() - SingleChronicleQueue.SUFFIX.length()));
        TreeMap<Integer, Path> cycles = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir.toPath())) {
            files.filter(p -> p.getFileName().toString().endsWith(SingleChronicleQueue.SUFFIX))
                    .filter(Files::isRegularFile)
                    .forEach(p -> {
                        Integer cycle = cycleOf(names, p);
                        if (cycle != null) {
                            cycles.put(cycle, p);
                        }
                    });
        } catch (IOException e) {
            return new Outcome(List.of(), e);
        }
        if (cycles.size() < 2) {
            return new Outcome(List.of(), null);
        }
        int newest = cycles.lastKey();
        int current = queue.cycle();
        long cutoffMillis = cutoff.toEpochMilli();
        long epoch = queue.epoch();
        List<Path> deleted = new ArrayList<>();
        for (Map.Entry<Integer, Path> entry : cycles.entrySet()) {
            int cycle = entry.getKey();
            long end = epoch + names.resourceFor(cycle).millis + roll.lengthInMillis();
            if (cycle >= newest || cycle >= current || end > cutoffMillis) {
                break;
            }
            try {
                if (Files.deleteIfExists(entry.getValue())) {
                    deleted.add(entry.getValue()); // else another process's retention was first
                }
            } catch (IOException e) {
                return new Outcome(List.copyOf(deleted), e);
            }
        }
        return new Outcome(List.copyOf(deleted), null);
    }

    private static Integer cycleOf(RollingResourcesCache names, Path file) {
        String name = file.getFileName().toString();
        try {
            int cycle = names.parseCount(name.substring(0, name.length() - SingleChronicleQueue.SUFFIX.length()));
            // Only a name the queue itself would give that cycle: anything else is not ours.
            return names.resourceFor(cycle).path.getName().equals(name) ? cycle : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
