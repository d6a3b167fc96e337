package io.openrouteraudit.it;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.jar.JarFile;

/**
 * The agent's own {@code JournalWriter}, reached through the agent's isolated class loader exactly
 * as the launcher does, so a forked fixture JVM can write records with chosen timestamps that every
 * command reads as it reads the agent's. No JUnit in here: it runs in the fixture's JVM, whose class
 * path is the agent jar and the test classes, with the module grants Chronicle needs (see
 * {@link FixtureJournal}).
 */
final class AgentJournalWriter implements AutoCloseable {

    private final Object writer;
    private final Method append;
    private final Method close;
    private final Constructor<?> newRecord;
    private final Object noRouting;
    private long written;

    private AgentJournalWriter(Object writer, Method append, Method close, Constructor<?> newRecord,
            Object noRouting) {
        this.writer = writer;
        this.append = append;
        this.close = close;
        this.newRecord = newRecord;
        this.noRouting = noRouting;
    }

    /** Opens (creating) the journal in {@code dir}, rolled daily, with the classes of {@code agentJar}. */
    static AgentJournalWriter open(Path agentJar, Path dir) throws Exception {
        ClassLoader agent = (ClassLoader) Class.forName("io.openrouteraudit.launcher.IsolatedClassLoader")
                .getConstructor(JarFile.class, URL.class)
                .newInstance(new JarFile(agentJar.toFile(), false), agentJar.toUri().toURL());
        Class<?> writerType = Class.forName("io.openrouteraudit.journal.JournalWriter", true, agent);
        Class<?> rollType = Class.forName("io.openrouteraudit.config.JournalRoll", true, agent);
        Class<?> recordType = Class.forName("io.openrouteraudit.audit.AuditRecord", true, agent);
        Object noRouting = Class.forName("io.openrouteraudit.openrouter.Routing", true, agent)
                .getMethod("none").invoke(null);
        RecordComponent[] components = recordType.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        Object writer = writerType.getMethod("open", Path.class, rollType)
                .invoke(null, dir, rollType.getField("DAILY").get(null));
        return new AgentJournalWriter(writer, writerType.getMethod("append", recordType),
                writerType.getMethod("close"), recordType.getDeclaredConstructor(types), noRouting);
    }

    /** Appends one record: a chat completion through the JDK client, answered 200 or, for an error, 502. */
    void append(ChosenRow r) throws Exception {
        written++;
        boolean ok = r.status().equals("success");
        Object[] values = {r.timestamp(), r.generationId(), "jdk-httpclient",
                "POST", "/api/v1/chat/completions", r.model(), ok ? r.model() : null, r.provider(), false,
                ok ? 200 : 502, r.status(), ok ? null : "upstream_error", ok ? "stop" : null,
                r.promptTokens(), r.completionTokens(), null, null, r.cost(), 200L + 13 * written, null,
                r.userId(), "Report IT", null, r.key(), "a".repeat(64), ok ? "b".repeat(64) : null, Map.of(),
                false, null, noRouting, r.violations(), null, null, null, null};
        // Components added after these (not journaled, e.g. the request parameters) stay null.
        append.invoke(writer, newRecord.newInstance(Arrays.copyOf(values, newRecord.getParameterCount())));
    }

    @Override
    public void close() throws Exception {
        close.invoke(writer);
    }
}
