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

    /*
     * One typed method per kind of value rather than a parser lambda per key: this runs in
     * premain, where each lambda's first use spins a class that the application waits for.
     */

    private AuditConfig resolve(Path userDir, String userHome, Map<String, String> env) {
        AuditConfig d = AuditConfig.defaultsFor(userDir);
        Path journalDir = path(ConfigKey.JOURNAL_DIR, userDir, userHome, d.journalDir(),
                ConfigKey.JOURNAL_DIR.defaultText());
        Path defaultKeyFile = journalDir.resolve(AuditConfig.HASH_KEY_FILE_NAME);
        return new AuditConfig(
                bool(ConfigKey.ENABLED, d.enabled()),
                hosts(d.hosts()),
                journalDir,
                choice(ConfigKey.JOURNAL_ROLL, JournalRoll.values(), d.journalRoll()),
                integer(ConfigKey.JOURNAL_RETENTION_DAYS, 0, 36_500, d.journalRetentionDays()),
                choice(ConfigKey.CONTENT, ContentMode.values(), d.content()),
                integer(ConfigKey.CAPTURE_MAX_BYTES, 1, 1_073_741_824, d.captureMaxBytes()),
                redactRules(d.redactRules()),
                redactCustom(d.redactCustom()),
                path(ConfigKey.HASH_KEY_FILE, userDir, userHome, defaultKeyFile, defaultKeyFile.toString()),
                hashKeyFromEnvironment(env),
                userHeader(d.userHeader()),
                choice(ConfigKey.FAIL_MODE, FailMode.values(), d.failMode()),
                bool(ConfigKey.OTEL_ENABLED, d.otelEnabled()),
                choice(ConfigKey.LOG_LEVEL, LogLevel.values(), d.logLevel()),
                stringList(ConfigKey.POLICY_MODELS, d.policyModels()),
                stringList(ConfigKey.POLICY_PROVIDERS, d.policyProviders()),
                stringList(ConfigKey.POLICY_REQUIRE, d.policyRequire()),
                budget(d.policyDailyBudgetUsd()),
                choice(ConfigKey.POLICY_ACTION, PolicyAction.values(), d.policyAction()));
    }

    // Each method below returns the parsed value of its key, or the fallback when the key is unset
    // or its value is refused (with one warning). RuntimeException is caught too: a parser bug
    // costs one key its setting, not the whole configuration.

    private boolean bool(ConfigKey key, boolean fallback) {
        ConfigSources.RawValue raw = raw(key);
        if (raw != null) {
            try {
                return ValueParsers.bool(raw.value());
            } catch (InvalidValueException | RuntimeException e) {
                refuse(key, raw, key.defaultText());
            }
        }
        return fallback;
    }

    private int integer(ConfigKey key, int min, int max, int fallback) {
        ConfigSources.RawValue raw = raw(key);
        if (raw != null) {
            try {
                return ValueParsers.intInRange(raw.value(), min, max);
            } catch (InvalidValueException | RuntimeException e) {
                refuse(key, raw, key.defaultText());
            }
        }
        return fallback;
    }

    /** {@code constants} is the enum's {@code values()}. */
    private <E extends Enum<E>> E choice(ConfigKey key, E[] constants, E fallback) {
        ConfigSources.RawValue raw = raw(key);
        if (raw != null) {
            try {
                return ValueParsers.enumValue(constants, raw.value());
            } catch (InvalidValueException | RuntimeException e) {
                refuse(key, raw, key.defaultText());
            }
        }
        return fallback;
    }

    private Path path(ConfigKey key, Path userDir, String userHome, Path fallback, String fallbackText) {
        ConfigSources.RawValue raw = raw(key);
        if (raw != null) {
            try {
                return ValueParsers.path(raw.value(), userDir, userHome);
            } catch (InvalidValueException | RuntimeException e) {
                refuse(key, raw, fallbackText);
            }
        }
        return fallback;
    }

    private List<HostPattern> hosts(List<HostPattern> fallback) {
        ConfigSources.RawValue raw = raw(ConfigKey.HOSTS);
        if (raw != null) {
            try {
                return ValueParsers.hosts(raw.value());
            } catch (InvalidValueException | RuntimeException e) {
                refuse(ConfigKey.HOSTS, raw, ConfigKey.HOSTS.defaultText());
            }
        }
        return fallback;
    }

    private String redactRules(String fallback) {
        ConfigSources.RawValue raw = raw(ConfigKey.REDACT_RULES);
        if (raw != null) {
            try {
                return ValueParsers.redactRules(raw.value());
            } catch (InvalidValueException | RuntimeException e) {
                refuse(ConfigKey.REDACT_RULES, raw, ConfigKey.REDACT_RULES.defaultText());
            }
        }
        return fallback;
    }

    private String redactCustom(String fallback) {
        ConfigSources.RawValue raw = raw(ConfigKey.REDACT_CUSTOM);
        if (raw != null) {
            try {
                return ValueParsers.redactCustom(raw.value());
            } catch (InvalidValueException | RuntimeException e) {
                refuse(ConfigKey.REDACT_CUSTOM, raw, ConfigKey.REDACT_CUSTOM.defaultText());
            }
        }
        return fallback;
    }

    private String userHeader(String fallback) {
        ConfigSources.RawValue raw = raw(ConfigKey.USER_HEADER);
        if (raw != null) {
            try {
                return ValueParsers.userHeader(raw.value());
            } catch (InvalidValueException | RuntimeException e) {
                refuse(ConfigKey.USER_HEADER, raw, ConfigKey.USER_HEADER.defaultText());
            }
        }
        return fallback;
    }

    /** {@code policy.models}, {@code policy.providers} or {@code policy.require}. */
    private List<String> stringList(ConfigKey key, List<String> fallback) {
        ConfigSources.RawValue raw = raw(key);
        if (raw != null) {
            try {
                String v = raw.value();
                if (key == ConfigKey.POLICY_MODELS) {
                    return ValueParsers.models(v);
                }
                if (key == ConfigKey.POLICY_PROVIDERS) {
                    return ValueParsers.providers(v);
                }
                if (key == ConfigKey.POLICY_REQUIRE) {
                    return ValueParsers.requirements(v);
                }
                throw new IllegalArgumentException("not a list key: " + key);
            } catch (InvalidValueException | RuntimeException e) {
                refuse(key, raw, key.defaultText());
            }
        }
        return fallback;
    }

    private BigDecimal budget(BigDecimal fallback) {
        ConfigSources.RawValue raw = raw(ConfigKey.POLICY_DAILY_BUDGET_USD);
        if (raw != null) {
            try {
                return ValueParsers.budget(raw.value());
            } catch (InvalidValueException | RuntimeException e) {
                refuse(ConfigKey.POLICY_DAILY_BUDGET_USD, raw, ConfigKey.POLICY_DAILY_BUDGET_USD.defaultText());
            }
        }
        return fallback;
    }

    /** The raw text set for {@code key}, or null when no source sets it. */
    private ConfigSources.RawValue raw(ConfigKey key) {
        Optional<ConfigSources.RawValue> raw = sources.get(key);
        return raw.isPresent() ? raw.get() : null;
    }

    /** One warning for a refused value; the caller goes on with its fallback. */
    private void refuse(ConfigKey key, ConfigSources.RawValue raw, String fallbackText) {
        warnings.add(ConfigWarnings.invalidValue(raw.spelledAs(), raw.value(), key.allowed(), fallbackText));
    }

    /** The HMAC key from the environment, never echoed anywhere; blank counts as absent. */
    private static String hashKeyFromEnvironment(Map<String, String> env) {
        String key = env.get(ConfigSources.HASH_KEY_ENV);
        return key == null || key.isBlank() ? null : key.trim();
    }
}
