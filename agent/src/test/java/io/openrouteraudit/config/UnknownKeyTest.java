package io.openrouteraudit.config;

import static io.openrouteraudit.config.TestInputs.env;
import static io.openrouteraudit.config.TestInputs.props;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnknownKeyTest {

    @TempDir
    Path dir;

    @Test
    void typoInPropertySuggestsTheNearestKey() {
        assertEquals(List.of("openrouter-audit: unknown key openrouter.audit.jurnal.dir; "
                        + "did you mean openrouter.audit.journal.dir?"),
                ConfigLoader.load(props(dir, "openrouter.audit.jurnal.dir", "/tmp/x"), env()).warnings());
    }

    @Test
    void typoInEnvironmentSuggestsTheVariableName() {
        assertEquals(List.of("openrouter-audit: unknown key OPENROUTER_AUDIT_JOURNAL_RETENTION_DAY; "
                        + "did you mean OPENROUTER_AUDIT_JOURNAL_RETENTION_DAYS?"),
                ConfigLoader.load(props(dir), env("OPENROUTER_AUDIT_JOURNAL_RETENTION_DAY", "3")).warnings());
    }

    @Test
    void typoInFileSuggestsInTheFormUsed() throws IOException {
        Path file = Files.writeString(dir.resolve("a.properties"), "contnet=full\nopenrouter.audit.fail.mode=open\n");
        assertEquals(List.of(
                        "openrouter-audit: unknown key contnet in " + file + "; did you mean content?",
                        "openrouter-audit: unknown key openrouter.audit.fail.mode in " + file
                                + "; did you mean openrouter.audit.fail-mode?"),
                ConfigLoader.load(props(dir, "openrouter.audit.config", file.toString()), env()).warnings());
    }

    @Test
    void unknownKeyWithNoNearMatchHasNoSuggestion() {
        assertEquals(List.of("openrouter-audit: unknown key openrouter.audit.frobnicate.everything"),
                ConfigLoader.load(props(dir, "openrouter.audit.frobnicate.everything", "1"), env()).warnings());
    }

    @Test
    void lastPartOfAKeySuggestsTheFullKey() {
        assertEquals(List.of("openrouter-audit: unknown key openrouter.audit.max-bytes; "
                        + "did you mean openrouter.audit.capture.max-bytes?"),
                ConfigLoader.load(props(dir, "openrouter.audit.max-bytes", "10"), env()).warnings());
    }

    @Test
    void unknownKeyWarningNeverEchoesItsValue() {
        String warning = ConfigLoader.load(props(dir, "openrouter.audit.hash.key", "sk-or-v1-secret"), env())
                .warnings().get(0);
        assertFalse(warning.contains("sk-or-v1-secret"), warning);
    }

    @Test
    void configLocationHashKeyAndForeignNamesAreNotUnknownKeys() throws IOException {
        Path file = Files.writeString(dir.resolve("a.properties"), "enabled=true\n");
        LoadedConfig loaded = ConfigLoader.load(
                props(dir, "openrouter.audit.config", file.toString(), "java.version", "17", "otel.service.name", "x"),
                env("OPENROUTER_AUDIT_CONFIG", "/elsewhere", "OPENROUTER_AUDIT_HASH_KEY", "k",
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4317", "OPENROUTER_API_KEY", "sk"));
        assertEquals(List.of(), loaded.warnings());
    }

    @Test
    void suggesterMeasuresEditDistance() {
        assertEquals(0, KeySuggester.distance("content", "content"));
        assertEquals(1, KeySuggester.distance("contnt", "content"));
        assertEquals(2, KeySuggester.distance("contnet", "content"));
        assertEquals(3, KeySuggester.distance("kitten", "sitting"));
        assertNull(KeySuggester.nearest("x", List.of("hosts", "content"), '.'));
        assertEquals("hosts", KeySuggester.nearest("HOST", List.of("hosts", "content"), '.'));
    }
}
