package io.openrouteraudit.config;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Builds the {@link AuditConfig} from system properties, environment and the optional
 * properties file. It runs inside the application's start-up, so it never throws: every problem
 * becomes one warning line and the affected key keeps its default.
 */
public final class ConfigLoader {

    /** Turns a trimmed text into a value or refuses it. */
    @FunctionalInterface
    private interface Parser<T> {
        T parse(String value) throws InvalidValueException;
    }

    private final ConfigSources sources;
    private final List<String> warnings;

    private ConfigLoader(ConfigSources sources, List<String> warnings) {
        this.sources = sources;
        this.warnings = warnings;
    }

    /**
     * @param systemProperties usually {@code System.getProperties()}; its {@code user.dir} anchors relative paths
     * @param environment      usually {@code System.getenv()}
     */
    public static LoadedConfig load(Properties systemProperties, Map<String, String> environment) {
        List<String> warnings = new ArrayList<>();
        Path userDir = null;
        try {
            Properties properties = systemProperties == null ? new Properties() : systemProperties;
            Map<String, String> env = environment == null ? Map.of() : environment;
            userDir = AuditConfig.workingDirectory(properties.getProperty("user.dir"));
            String userHome = properties.getProperty("user.home");
            ConfigSources sources = ConfigSources.read(properties, env, userDir, userHome, warnings);
            AuditConfig config = new ConfigLoader(sources, warnings).resolve(userDir, userHome, env);
            return new LoadedConfig(config, warnings);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            // A bug here must not take the application down: run with the defaults and say so.
            warnings.add(ConfigWarnings.other("configuration could not be read (" + e.getClass().getSimpleName()
                    + "); using the defaults"));
            return new LoadedConfig(userDir == null ? AuditConfig.defaults() : AuditConfig.defaultsFor(userDir), warnings);
        }
    }

    private AuditConfig resolve(Path userDir, String userHome, Map<String, String> env) {
        AuditConfig d = AuditConfig.defaultsFor(userDir);
        Path journalDir = value(ConfigKey.JOURNAL_DIR, v -> ValueParsers.path(v, userDir, userHome),
                d.journalDir(), ConfigKey.JOURNAL_DIR.defaultText());
        Path defaultKeyFile = journalDir.resolve(AuditConfig.HASH_KEY_FILE_NAME);
        return new AuditConfig(
                value(ConfigKey.ENABLED, ValueParsers::bool, d.enabled()),
                value(ConfigKey.HOSTS, ValueParsers::hosts, d.hosts()),
                journalDir,
                value(ConfigKey.JOURNAL_ROLL, v -> ValueParsers.enumValue(JournalRoll.class, v), d.journalRoll()),
                value(ConfigKey.JOURNAL_RETENTION_DAYS, v -> ValueParsers.intInRange(v, 0, 36_500),
                        d.journalRetentionDays()),
                value(ConfigKey.CONTENT, v -> ValueParsers.enumValue(ContentMode.class, v), d.content()),
                value(ConfigKey.CAPTURE_MAX_BYTES, v -> ValueParsers.intInRange(v, 1, 1_073_741_824),
                        d.captureMaxBytes()),
                value(ConfigKey.REDACT_RULES, ValueParsers::redactRules, d.redactRules()),
                value(ConfigKey.REDACT_CUSTOM, ValueParsers::redactCustom, d.redactCustom()),
                value(ConfigKey.HASH_KEY_FILE, v -> ValueParsers.path(v, userDir, userHome),
                        defaultKeyFile, defaultKeyFile.toString()),
                hashKeyFromEnvironment(env),
                value(ConfigKey.USER_HEADER, ValueParsers::userHeader, d.userHeader()),
                value(ConfigKey.FAIL_MODE, v -> ValueParsers.enumValue(FailMode.class, v), d.failMode()),
                value(ConfigKey.OTEL_ENABLED, ValueParsers::bool, d.otelEnabled()),
                value(ConfigKey.LOG_LEVEL, v -> ValueParsers.enumValue(LogLevel.class, v), d.logLevel()),
                value(ConfigKey.POLICY_MODELS, ValueParsers::models, d.policyModels()),
                value(ConfigKey.POLICY_PROVIDERS, ValueParsers::providers, d.policyProviders()),
                value(ConfigKey.POLICY_REQUIRE, ValueParsers::requirements, d.policyRequire()),
                this.<BigDecimal>value(ConfigKey.POLICY_DAILY_BUDGET_USD, ValueParsers::budget,
                        d.policyDailyBudgetUsd()),
                value(ConfigKey.POLICY_ACTION, v -> ValueParsers.enumValue(PolicyAction.class, v), d.policyAction()));
    }

    private <T> T value(ConfigKey key, Parser<T> parser, T fallback) {
        return value(key, parser, fallback, key.defaultText());
    }

    /** The parsed value of {@code key}, or {@code fallback} (unset, or refused with one warning). */
    private <T> T value(ConfigKey key, Parser<T> parser, T fallback, String fallbackText) {
        Optional<ConfigSources.RawValue> raw = sources.get(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return parser.parse(raw.get().value());
        } catch (InvalidValueException | RuntimeException e) {
            // RuntimeException too: a parser bug costs one key its setting, not the whole configuration.
            warnings.add(ConfigWarnings.invalidValue(raw.get().spelledAs(), raw.get().value(), key.allowed(),
                    fallbackText));
            return fallback;
        }
    }

    /** The HMAC key from the environment, never echoed anywhere; blank counts as absent. */
    private static String hashKeyFromEnvironment(Map<String, String> env) {
        String key = env.get(ConfigSources.HASH_KEY_ENV);
        return key == null || key.isBlank() ? null : key.trim();
    }
}
