package io.openrouteraudit.config;

import static io.openrouteraudit.config.TestInputs.env;
import static io.openrouteraudit.config.TestInputs.props;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigValidationTest {

    @TempDir
    Path dir;

    /** Stands for the default key file, which depends on the test's directory. */
    private static final String RESOLVED_KEY_FILE = "<journal.dir>/hash.key resolved";

    /** key, a bad value, a fragment of the allowed text, the default as the warning shows it. */
    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of(ConfigKey.ENABLED, "yes", "true, false", "'true'"),
                Arguments.of(ConfigKey.HOSTS, "openrouter.ai:99999", "host:port", "'openrouter.ai'"),
                Arguments.of(ConfigKey.HOSTS, "https://openrouter.ai", "host:port", "'openrouter.ai'"),
                Arguments.of(ConfigKey.HOSTS, ",", "host:port", "'openrouter.ai'"),
                Arguments.of(ConfigKey.HOSTS, "[::1", "host:port", "'openrouter.ai'"),
                Arguments.of(ConfigKey.JOURNAL_DIR, "", "directory", "'./openrouter-audit'"),
                Arguments.of(ConfigKey.JOURNAL_ROLL, "weekly", "daily, hourly", "'daily'"),
                Arguments.of(ConfigKey.JOURNAL_RETENTION_DAYS, "-1", "0 to 36500", "'0'"),
                Arguments.of(ConfigKey.JOURNAL_RETENTION_DAYS, "36501", "0 to 36500", "'0'"),
                Arguments.of(ConfigKey.CONTENT, "xyz", "none, redacted, full", "'none'"),
                Arguments.of(ConfigKey.CAPTURE_MAX_BYTES, "0", "1 to 1073741824", "'1048576'"),
                Arguments.of(ConfigKey.CAPTURE_MAX_BYTES, "1073741825", "1 to 1073741824", "'1048576'"),
                Arguments.of(ConfigKey.CAPTURE_MAX_BYTES, "1MB", "1 to 1073741824", "'1048576'"),
                Arguments.of(ConfigKey.REDACT_RULES, "EMAIL,SSNN", "EMAIL, PHONE, SSN, CARD, IBAN, IP, API_KEY, JWT", "'all'"),
                Arguments.of(ConfigKey.REDACT_RULES, "all,EMAIL", "all, none", "'all'"),
                Arguments.of(ConfigKey.REDACT_CUSTOM, "1BAD=x", "NAME=regex", "the default (empty)"),
                Arguments.of(ConfigKey.REDACT_CUSTOM, "ORDER=\\d+;no-equals-sign", "NAME=regex", "the default (empty)"),
                Arguments.of(ConfigKey.HASH_KEY_FILE, "", "file path", RESOLVED_KEY_FILE),
                Arguments.of(ConfigKey.USER_HEADER, "X User", "HTTP header name", "the default (empty)"),
                Arguments.of(ConfigKey.FAIL_MODE, "shut", "open, closed", "'open'"),
                Arguments.of(ConfigKey.OTEL_ENABLED, "on", "true, false", "'true'"),
                Arguments.of(ConfigKey.LOG_LEVEL, "verbose", "off, error, warn, info, debug", "'warn'"),
                Arguments.of(ConfigKey.POLICY_MODELS, "openai/gpt-4o anthropic/*", "model ids", "the default (empty)"),
                Arguments.of(ConfigKey.POLICY_PROVIDERS, "Anthropic;OpenAI", "provider names", "the default (empty)"),
                Arguments.of(ConfigKey.POLICY_REQUIRE, "max_tokens",
                        "max-tokens, no-fallbacks, data-collection-deny, zdr, no-free", "the default (empty)"),
                Arguments.of(ConfigKey.POLICY_DAILY_BUDGET_USD, "-5", "non-negative decimal", "the default (empty)"),
                Arguments.of(ConfigKey.POLICY_DAILY_BUDGET_USD, "$5", "non-negative decimal", "the default (empty)"),
                Arguments.of(ConfigKey.POLICY_ACTION, "deny", "flag, block", "'flag'"));
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @MethodSource("badValues")
    void badValueGivesOneWarningNamingKeyValueAndAllowedAndTheDefaultIsUsed(
            ConfigKey key, String bad, String allowedFragment, String defaultShown) {
        LoadedConfig loaded = ConfigLoader.load(props(dir, key.propertyName(), bad), env());
        assertEquals(1, loaded.warnings().size(), loaded.warnings().toString());
        String warning = loaded.warnings().get(0);
        assertTrue(warning.startsWith("openrouter-audit: invalid value '" + bad + "' for " + key.propertyName()
                + " (allowed: "), warning);
        assertTrue(warning.contains(allowedFragment), warning);
        String shown = defaultShown.equals(RESOLVED_KEY_FILE)
                ? "'" + dir.resolve("openrouter-audit").resolve("hash.key") + "'" : defaultShown;
        assertTrue(warning.endsWith("; using " + shown), warning);
        assertEquals(field(key).apply(AuditConfig.defaultsFor(dir)), field(key).apply(loaded.config()));
    }

    @Test
    void aCustomRuleMayHoldAnEscapedSemicolon() {
        LoadedConfig loaded = ConfigLoader.load(
                props(dir, "openrouter.audit.redact.custom", "PAIR=a\\;b;ORDER_ID=ORD-\\d{6}"), env());
        assertEquals(List.of(), loaded.warnings());
        assertEquals("PAIR=a\\;b;ORDER_ID=ORD-\\d{6}", loaded.config().redactCustom());
    }

    @Test
    void everyKeyHasABadValueCase() {
        Set<ConfigKey> covered = EnumSet.noneOf(ConfigKey.class);
        badValues().forEach(a -> covered.add((ConfigKey) a.get()[0]));
        assertEquals(EnumSet.allOf(ConfigKey.class), covered);
    }

    @Test
    void warningHasTheDocumentedShape() {
        LoadedConfig loaded = ConfigLoader.load(props(dir, "openrouter.audit.content", "xyz"), env());
        assertEquals(List.of("openrouter-audit: invalid value 'xyz' for openrouter.audit.content "
                + "(allowed: none, redacted, full); using 'none'"), loaded.warnings());
    }

    @Test
    void badValueFromEnvironmentOrFileNamesWhereItCameFrom() throws IOException {
        Path file = Files.writeString(dir.resolve("a.properties"), "journal.roll=weekly\n");
        LoadedConfig loaded = ConfigLoader.load(props(dir),
                env("OPENROUTER_AUDIT_CONTENT", "xyz", "OPENROUTER_AUDIT_CONFIG", file.toString()));
        assertEquals(List.of(
                "openrouter-audit: invalid value 'weekly' for journal.roll in " + file
                        + " (allowed: daily, hourly); using 'daily'",
                "openrouter-audit: invalid value 'xyz' for OPENROUTER_AUDIT_CONTENT "
                        + "(allowed: none, redacted, full); using 'none'"),
                loaded.warnings());
    }

    @Test
    void badPropertyFallsBackToTheDefaultNotToALowerSource() {
        AuditConfig c = ConfigLoader.load(props(dir, "openrouter.audit.content", "xyz"),
                env("OPENROUTER_AUDIT_CONTENT", "full")).config();
        assertEquals(ContentMode.NONE, c.content());
    }

    @Test
    void longOrMultiLineValuesAreCutAndKeptOnOneLine() {
        String value = "x".repeat(200) + "\nforged line";
        String warning = ConfigLoader.load(props(dir, "openrouter.audit.content", value), env()).warnings().get(0);
        assertTrue(warning.contains("'" + "x".repeat(80) + "...'"), warning);
        assertFalse(warning.contains("\n"));
        String shortMultiLine = ConfigLoader.load(props(dir, "openrouter.audit.content", "a\nb"), env())
                .warnings().get(0);
        assertTrue(shortMultiLine.contains("'a\\nb'"), shortMultiLine);
    }

    @Test
    void goodValuesInAnyCaseAreAcceptedAndNormalised() {
        LoadedConfig loaded = ConfigLoader.load(props(dir,
                "openrouter.audit.enabled", "FALSE",
                "openrouter.audit.content", "Redacted",
                "openrouter.audit.hosts", "OpenRouter.ai, proxy.internal:8443,[::1]:9000,127.0.0.1:8080,",
                "openrouter.audit.redact.rules", "email, card,EMAIL",
                "openrouter.audit.redact.custom", "ORDER_ID=ORD-\\d{6}; Ticket-No=T#[0-9]+;",
                "openrouter.audit.policy.providers", "Google AI Studio, Anthropic",
                "openrouter.audit.policy.require", "MAX-TOKENS,zdr,no-free",
                "openrouter.audit.policy.daily-budget-usd", "25",
                "openrouter.audit.journal.retention-days", "36500",
                "openrouter.audit.capture.max-bytes", "1073741824",
                "openrouter.audit.user.header", ""), env());
        AuditConfig c = loaded.config();
        assertEquals(List.of(), loaded.warnings());
        assertFalse(c.enabled());
        assertEquals(ContentMode.REDACTED, c.content());
        assertEquals(List.of(new HostPattern("openrouter.ai", -1), new HostPattern("proxy.internal", 8443),
                new HostPattern("::1", 9000), new HostPattern("127.0.0.1", 8080)), c.hosts());
        assertEquals("EMAIL,CARD", c.redactRules());
        assertEquals("ORDER_ID=ORD-\\d{6}; Ticket-No=T#[0-9]+;", c.redactCustom());
        assertEquals(List.of("Google AI Studio", "Anthropic"), c.policyProviders());
        assertEquals(List.of("max-tokens", "zdr", "no-free"), c.policyRequire());
        assertEquals(new BigDecimal("25"), c.policyDailyBudgetUsd());
        assertEquals(36500, c.journalRetentionDays());
        assertEquals(1_073_741_824, c.captureMaxBytes());
        assertNull(c.userHeader());
    }

    @Test
    void redactRulesNoneIsAccepted() {
        assertEquals("none", ConfigLoader.load(props(dir, "openrouter.audit.redact.rules", "NONE"), env())
                .config().redactRules());
    }

    private static Function<AuditConfig, Object> field(ConfigKey key) {
        return switch (key) {
            case ENABLED -> AuditConfig::enabled;
            case HOSTS -> AuditConfig::hosts;
            case JOURNAL_DIR -> AuditConfig::journalDir;
            case JOURNAL_ROLL -> AuditConfig::journalRoll;
            case JOURNAL_RETENTION_DAYS -> AuditConfig::journalRetentionDays;
            case CONTENT -> AuditConfig::content;
            case CAPTURE_MAX_BYTES -> AuditConfig::captureMaxBytes;
            case REDACT_RULES -> AuditConfig::redactRules;
            case REDACT_CUSTOM -> AuditConfig::redactCustom;
            case HASH_KEY_FILE -> AuditConfig::hashKeyFile;
            case USER_HEADER -> AuditConfig::userHeader;
            case FAIL_MODE -> AuditConfig::failMode;
            case OTEL_ENABLED -> AuditConfig::otelEnabled;
            case LOG_LEVEL -> AuditConfig::logLevel;
            case POLICY_MODELS -> AuditConfig::policyModels;
            case POLICY_PROVIDERS -> AuditConfig::policyProviders;
            case POLICY_REQUIRE -> AuditConfig::policyRequire;
            case POLICY_DAILY_BUDGET_USD -> AuditConfig::policyDailyBudgetUsd;
            case POLICY_ACTION -> AuditConfig::policyAction;
        };
    }
}
