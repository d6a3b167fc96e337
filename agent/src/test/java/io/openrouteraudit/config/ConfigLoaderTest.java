package io.openrouteraudit.config;

import static io.openrouteraudit.config.TestInputs.env;
import static io.openrouteraudit.config.TestInputs.props;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void nothingSetGivesTheSpecTableDefaultsAndNoWarnings() {
        LoadedConfig loaded = ConfigLoader.load(props(dir), env());
        AuditConfig c = loaded.config();
        Path journal = dir.resolve("openrouter-audit");
        assertAll(
                () -> assertEquals(List.of(), loaded.warnings()),
                () -> assertTrue(c.enabled()),
                () -> assertEquals(List.of(new HostPattern("openrouter.ai", -1)), c.hosts()),
                () -> assertEquals(journal, c.journalDir()),
                () -> assertEquals(JournalRoll.DAILY, c.journalRoll()),
                () -> assertEquals(0, c.journalRetentionDays()),
                () -> assertEquals(ContentMode.NONE, c.content()),
                () -> assertEquals(1_048_576, c.captureMaxBytes()),
                () -> assertEquals("all", c.redactRules()),
                () -> assertEquals("", c.redactCustom()),
                () -> assertEquals(journal.resolve("hash.key"), c.hashKeyFile()),
                () -> assertNull(c.hashKeyFromEnv()),
                () -> assertNull(c.userHeader()),
                () -> assertEquals(FailMode.OPEN, c.failMode()),
                () -> assertTrue(c.otelEnabled()),
                () -> assertEquals(LogLevel.WARN, c.logLevel()),
                () -> assertEquals(List.of(), c.policyModels()),
                () -> assertEquals(List.of(), c.policyProviders()),
                () -> assertEquals(List.of(), c.policyRequire()),
                () -> assertNull(c.policyDailyBudgetUsd()),
                () -> assertEquals(PolicyAction.FLAG, c.policyAction()));
    }

    @Test
    void defaultsEqualsLoadingNothingInTheJvmWorkingDirectory() {
        Properties p = new Properties();
        p.setProperty("user.dir", System.getProperty("user.dir"));
        assertEquals(AuditConfig.defaults(), ConfigLoader.load(p, Map.of()).config());
    }

    @Test
    void systemPropertyWinsOverEnvironmentWhichWinsOverFile() throws IOException {
        Path file = write("audit.properties", "log.level=error\ncapture.max-bytes=300\npolicy.action=block\n");
        Map<String, String> environment = env("OPENROUTER_AUDIT_CONFIG", file.toString(),
                "OPENROUTER_AUDIT_LOG_LEVEL", "info", "OPENROUTER_AUDIT_CAPTURE_MAX_BYTES", "200");
        Properties properties = props(dir, "openrouter.audit.log.level", "debug");

        AuditConfig c = ConfigLoader.load(properties, environment).config();
        assertEquals(LogLevel.DEBUG, c.logLevel(), "property over environment and file");
        assertEquals(200, c.captureMaxBytes(), "environment over file");
        assertEquals(PolicyAction.BLOCK, c.policyAction(), "file over default");

        properties.remove("openrouter.audit.log.level");
        assertEquals(LogLevel.INFO, ConfigLoader.load(properties, environment).config().logLevel());
        environment.remove("OPENROUTER_AUDIT_LOG_LEVEL");
        assertEquals(LogLevel.ERROR, ConfigLoader.load(properties, environment).config().logLevel());
    }

    @Test
    void environmentVariablesMapDotsAndDashesToUnderscores() {
        LoadedConfig loaded = ConfigLoader.load(props(dir), env(
                "OPENROUTER_AUDIT_JOURNAL_RETENTION_DAYS", "7",
                "OPENROUTER_AUDIT_CAPTURE_MAX_BYTES", "4096",
                "OPENROUTER_AUDIT_FAIL_MODE", "closed",
                "OPENROUTER_AUDIT_OTEL_ENABLED", "false",
                "OPENROUTER_AUDIT_POLICY_DAILY_BUDGET_USD", "12.50",
                "OPENROUTER_AUDIT_USER_HEADER", "X-User-Id"));
        AuditConfig c = loaded.config();
        assertEquals(List.of(), loaded.warnings());
        assertEquals(7, c.journalRetentionDays());
        assertEquals(4096, c.captureMaxBytes());
        assertEquals(FailMode.CLOSED, c.failMode());
        assertFalse(c.otelEnabled());
        assertEquals(new BigDecimal("12.50"), c.policyDailyBudgetUsd());
        assertEquals("X-User-Id", c.userHeader());
    }

    @Test
    void everyKeyHasTheDocumentedEnvironmentName() {
        Map<ConfigKey, String> expected = Map.ofEntries(
                Map.entry(ConfigKey.ENABLED, "OPENROUTER_AUDIT_ENABLED"),
                Map.entry(ConfigKey.HOSTS, "OPENROUTER_AUDIT_HOSTS"),
                Map.entry(ConfigKey.JOURNAL_DIR, "OPENROUTER_AUDIT_JOURNAL_DIR"),
                Map.entry(ConfigKey.JOURNAL_ROLL, "OPENROUTER_AUDIT_JOURNAL_ROLL"),
                Map.entry(ConfigKey.JOURNAL_RETENTION_DAYS, "OPENROUTER_AUDIT_JOURNAL_RETENTION_DAYS"),
                Map.entry(ConfigKey.CONTENT, "OPENROUTER_AUDIT_CONTENT"),
                Map.entry(ConfigKey.CAPTURE_MAX_BYTES, "OPENROUTER_AUDIT_CAPTURE_MAX_BYTES"),
                Map.entry(ConfigKey.REDACT_RULES, "OPENROUTER_AUDIT_REDACT_RULES"),
                Map.entry(ConfigKey.REDACT_CUSTOM, "OPENROUTER_AUDIT_REDACT_CUSTOM"),
                Map.entry(ConfigKey.HASH_KEY_FILE, "OPENROUTER_AUDIT_HASH_KEY_FILE"),
                Map.entry(ConfigKey.USER_HEADER, "OPENROUTER_AUDIT_USER_HEADER"),
                Map.entry(ConfigKey.FAIL_MODE, "OPENROUTER_AUDIT_FAIL_MODE"),
                Map.entry(ConfigKey.OTEL_ENABLED, "OPENROUTER_AUDIT_OTEL_ENABLED"),
                Map.entry(ConfigKey.LOG_LEVEL, "OPENROUTER_AUDIT_LOG_LEVEL"),
                Map.entry(ConfigKey.POLICY_MODELS, "OPENROUTER_AUDIT_POLICY_MODELS"),
                Map.entry(ConfigKey.POLICY_PROVIDERS, "OPENROUTER_AUDIT_POLICY_PROVIDERS"),
                Map.entry(ConfigKey.POLICY_REQUIRE, "OPENROUTER_AUDIT_POLICY_REQUIRE"),
                Map.entry(ConfigKey.POLICY_DAILY_BUDGET_USD, "OPENROUTER_AUDIT_POLICY_DAILY_BUDGET_USD"),
                Map.entry(ConfigKey.POLICY_ACTION, "OPENROUTER_AUDIT_POLICY_ACTION"));
        assertEquals(ConfigKey.values().length, expected.size());
        for (ConfigKey key : ConfigKey.values()) {
            assertEquals(expected.get(key), key.environmentName(), key.key());
            assertEquals("openrouter.audit." + key.key(), key.propertyName());
        }
    }

    @Test
    void fileAcceptsShortAndPrefixedKeys() throws IOException {
        Path file = write("audit.properties",
                "# comment\ncontent = redacted\nopenrouter.audit.journal.roll=hourly\n"
                        + "policy.models=anthropic/*, openai/gpt-4o\n");
        LoadedConfig loaded = ConfigLoader.load(props(dir, "openrouter.audit.config", file.toString()), env());
        assertEquals(List.of(), loaded.warnings());
        assertEquals(ContentMode.REDACTED, loaded.config().content());
        assertEquals(JournalRoll.HOURLY, loaded.config().journalRoll());
        assertEquals(List.of("anthropic/*", "openai/gpt-4o"), loaded.config().policyModels());
    }

    @Test
    void fileWithBothFormsOfOneKeyUsesThePrefixedOneAndSaysSo() throws IOException {
        Path file = write("audit.properties", "content=full\nopenrouter.audit.content=redacted\n");
        LoadedConfig loaded = ConfigLoader.load(props(dir, "openrouter.audit.config", file.toString()), env());
        assertEquals(ContentMode.REDACTED, loaded.config().content());
        assertEquals(1, loaded.warnings().size(), loaded.warnings().toString());
        assertTrue(loaded.warnings().get(0).contains("openrouter.audit.content"));
    }

    @Test
    void relativeConfigFileFromEnvironmentIsResolvedAgainstUserDir() throws IOException {
        write("conf.properties", "enabled=false\n");
        LoadedConfig loaded = ConfigLoader.load(props(dir), env("OPENROUTER_AUDIT_CONFIG", "conf.properties"));
        assertEquals(List.of(), loaded.warnings());
        assertFalse(loaded.config().enabled());
    }

    @Test
    void missingConfigFileGivesOneWarningNamingThePathAndTheRestStillLoads() {
        Path missing = dir.resolve("nope.properties");
        LoadedConfig loaded = ConfigLoader.load(
                props(dir, "openrouter.audit.config", missing.toString(), "openrouter.audit.content", "full"), env());
        assertEquals(1, loaded.warnings().size(), loaded.warnings().toString());
        String warning = loaded.warnings().get(0);
        assertTrue(warning.startsWith("openrouter-audit: "), warning);
        assertTrue(warning.contains(missing.toString()), warning);
        assertEquals(ContentMode.FULL, loaded.config().content());
    }

    @Test
    void directoryAsConfigFileGivesOneWarning() {
        LoadedConfig loaded = ConfigLoader.load(props(dir, "openrouter.audit.config", dir.toString()), env());
        assertEquals(1, loaded.warnings().size(), loaded.warnings().toString());
        assertTrue(loaded.warnings().get(0).contains(dir.toString()));
    }

    @Test
    void valuesAreTrimmedInEverySource() throws IOException {
        Path file = write("audit.properties", "journal.roll=  hourly  \n");
        LoadedConfig loaded = ConfigLoader.load(
                props(dir, "openrouter.audit.config", file.toString(), "openrouter.audit.content", "  full \t"),
                env("OPENROUTER_AUDIT_LOG_LEVEL", " debug\n"));
        assertEquals(List.of(), loaded.warnings());
        assertEquals(ContentMode.FULL, loaded.config().content());
        assertEquals(LogLevel.DEBUG, loaded.config().logLevel());
        assertEquals(JournalRoll.HOURLY, loaded.config().journalRoll());
    }

    @Test
    void relativeJournalDirIsResolvedAgainstUserDirAndCarriesTheDefaultKeyFile() {
        AuditConfig c = ConfigLoader.load(props(dir, "openrouter.audit.journal.dir", "data/../audit"), env()).config();
        assertEquals(dir.resolve("audit"), c.journalDir());
        assertEquals(dir.resolve("audit").resolve("hash.key"), c.hashKeyFile());
    }

    @Test
    void explicitHashKeyFileAndTildeAreHonoured() {
        Properties p = props(dir, "openrouter.audit.hash.key-file", "~/keys/audit.key", "user.home", "/home/someone");
        assertEquals(Path.of("/home/someone/keys/audit.key"), ConfigLoader.load(p, env()).config().hashKeyFile());
    }

    @Test
    void hashKeyComesFromTheEnvironmentAndIsNeverEchoed() {
        String secret = "very-secret-hmac-key";
        LoadedConfig loaded = ConfigLoader.load(props(dir, "openrouter.audit.content", "bogus"),
                env("OPENROUTER_AUDIT_HASH_KEY", secret));
        assertEquals(secret, loaded.config().hashKeyFromEnv());
        assertEquals(1, loaded.warnings().size(), "only the bad content value");
        assertFalse(String.join("\n", loaded.warnings()).contains(secret));
        assertFalse(loaded.config().toString().contains(secret));
        assertFalse(loaded.toString().contains(secret));
    }

    @Test
    void loadNeverThrowsOnOddInputs() {
        Properties odd = new Properties();
        odd.put("openrouter.audit.content", 42); // not a String: invisible to getProperty
        odd.put(new Object(), "x");
        LoadedConfig loaded = ConfigLoader.load(odd, null);
        assertEquals(ContentMode.NONE, loaded.config().content());
        LoadedConfig nulls = ConfigLoader.load(null, null);
        assertEquals(AuditConfig.defaults(), nulls.config());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
