package io.openrouteraudit.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The keys of SPEC section 3, with the texts a warning needs: the default as the table writes
 * it and what is allowed. The order is the table's, so warnings come out in a familiar order.
 */
public enum ConfigKey {
    ENABLED("enabled", "true", "true, false"),
    HOSTS("hosts", "openrouter.ai", "a comma list of host or host:port, port 1-65535"),
    JOURNAL_DIR("journal.dir", "./openrouter-audit", "a directory path"),
    JOURNAL_ROLL("journal.roll", "daily", choices(JournalRoll.class)),
    JOURNAL_RETENTION_DAYS("journal.retention-days", "0", "an integer from 0 to 36500"),
    CONTENT("content", "none", choices(ContentMode.class)),
    CAPTURE_MAX_BYTES("capture.max-bytes", "1048576", "an integer from 1 to 1073741824"),
    REDACT_RULES("redact.rules", "all",
            "all, none, or a comma list of " + String.join(", ", ValueParsers.REDACTION_RULES)),
    REDACT_CUSTOM("redact.custom", "", "NAME=regex entries separated by ';', NAME matching [A-Za-z][A-Za-z0-9_-]*"),
    HASH_KEY_FILE("hash.key-file", "<journal.dir>/hash.key", "a file path"),
    USER_HEADER("user.header", "", "an HTTP header name"),
    FAIL_MODE("fail-mode", "open", choices(FailMode.class)),
    OTEL_ENABLED("otel.enabled", "true", "true, false"),
    LOG_LEVEL("log.level", "warn", choices(LogLevel.class)),
    POLICY_MODELS("policy.models", "", "a comma list of model ids without spaces, '*' as a wildcard"),
    POLICY_PROVIDERS("policy.providers", "",
            "a comma list of provider names of letters, digits, spaces and . _ - / ( ) & + : '"),
    POLICY_REQUIRE("policy.require", "",
            "a comma list of " + String.join(", ", ValueParsers.POLICY_REQUIREMENTS)),
    POLICY_DAILY_BUDGET_USD("policy.daily-budget-usd", "", "a non-negative decimal number of US dollars"),
    POLICY_ACTION("policy.action", "flag", choices(PolicyAction.class));

    /** Prefix of the system properties (and of the long form of file keys). */
    public static final String PROPERTY_PREFIX = "openrouter.audit.";
    /** Prefix of the environment variables. */
    public static final String ENV_PREFIX = "OPENROUTER_AUDIT_";

    private static final Map<String, ConfigKey> BY_KEY =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(k -> k.key, Function.identity()));
    private static final Map<String, ConfigKey> BY_ENV_SUFFIX =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ConfigKey::envSuffix, Function.identity()));

    private final String key;
    private final String defaultText;
    private final String allowed;

    ConfigKey(String key, String defaultText, String allowed) {
        this.key = key;
        this.defaultText = defaultText;
        this.allowed = allowed;
    }

    /** The key as the SPEC table writes it, e.g. {@code journal.retention-days}. */
    public String key() {
        return key;
    }

    /** e.g. {@code openrouter.audit.journal.retention-days} */
    public String propertyName() {
        return PROPERTY_PREFIX + key;
    }

    /** e.g. {@code OPENROUTER_AUDIT_JOURNAL_RETENTION_DAYS} */
    public String environmentName() {
        return ENV_PREFIX + envSuffix();
    }

    String envSuffix() {
        return toEnvSuffix(key);
    }

    /** The default as the SPEC table writes it; empty for "empty". */
    String defaultText() {
        return defaultText;
    }

    /** What is allowed, for the warning's "(allowed: ...)" part. */
    String allowed() {
        return allowed;
    }

    /** The key whose table name is exactly {@code key}. */
    public static Optional<ConfigKey> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /** The key whose environment variable, without {@link #ENV_PREFIX}, is {@code suffix}. */
    static Optional<ConfigKey> byEnvSuffix(String suffix) {
        return Optional.ofNullable(BY_ENV_SUFFIX.get(suffix));
    }

    /** Upper case, {@code .} and {@code -} become {@code _}: the SPEC's environment mapping. */
    static String toEnvSuffix(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static String choices(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
