package io.openrouteraudit.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The keys of SPEC section 3, with the texts a warning needs: the default as the table writes
 * it and what is allowed. The order is the table's, so warnings come out in a familiar order.
 */
public enum ConfigKey {
    ENABLED("enabled", "true", "true, false"),
    HOSTS("hosts", "openrouter.ai", "a comma list of host or host:port, port 1-65535"),
    JOURNAL_DIR("journal.dir", "./openrouter-audit", "a directory path"),
    JOURNAL_ROLL("journal.roll", "daily", choices(JournalRoll.values())),
    JOURNAL_RETENTION_DAYS("journal.retention-days", "0", "an integer from 0 to 36500"),
    CONTENT("content", "none", choices(ContentMode.values())),
    CAPTURE_MAX_BYTES("capture.max-bytes", "1048576", "an integer from 1 to 1073741824"),
    REDACT_RULES("redact.rules", "all",
            "all, none, or a comma list of " + String.join(", ", ValueParsers.REDACTION_RULES)),
    REDACT_CUSTOM("redact.custom", "", "NAME=regex entries separated by ';', NAME matching [A-Za-z][A-Za-z0-9_-]*"),
    HASH_KEY_FILE("hash.key-file", "<journal.dir>/hash.key", "a file path"),
    USER_HEADER("user.header", "", "an HTTP header name"),
    FAIL_MODE("fail-mode", "open", choices(FailMode.values())),
    OTEL_ENABLED("otel.enabled", "true", "true, false"),
    LOG_LEVEL("log.level", "warn", choices(LogLevel.values())),
    POLICY_MODELS("policy.models", "", "a comma list of model ids without spaces, '*' as a wildcard"),
    POLICY_PROVIDERS("policy.providers", "",
            "a comma list of provider names of letters, digits, spaces and . _ - / ( ) & + : '"),
    POLICY_REQUIRE("policy.require", "",
            "a comma list of " + String.join(", ", ValueParsers.POLICY_REQUIREMENTS)),
    POLICY_DAILY_BUDGET_USD("policy.daily-budget-usd", "", "a non-negative decimal number of US dollars"),
    POLICY_ACTION("policy.action", "flag", choices(PolicyAction.values()));

    /** Prefix of the system properties (and of the long form of file keys). */
    public static final String PROPERTY_PREFIX = "openrouter.audit.";
    /** Prefix of the environment variables. */
    public static final String ENV_PREFIX = "OPENROUTER_AUDIT_";

    /*
     * Plain arrays and loops in this class, no streams, lambdas or maps: it is initialised in
     * premain, where each lambda's first use spins a class that the application waits for, and a
     * linear search of 19 keys at start-up costs less than building an index for it.
     */

    /** Every key in declaration order; {@code values()} would copy the array on each call. */
    private static final ConfigKey[] ALL = values();
    /** {@link #key()} of every key, in declaration order, for "did you mean" hints. */
    static final List<String> KEY_NAMES;
    /** {@link #envSuffix()} of every key, in declaration order (the index is the ordinal). */
    static final List<String> ENV_SUFFIX_NAMES;

    static {
        String[] keys = new String[ALL.length];
        String[] suffixes = new String[ALL.length];
        for (int i = 0; i < ALL.length; i++) {
            keys[i] = ALL[i].key;
            suffixes[i] = ALL[i].envSuffix();
        }
        KEY_NAMES = List.of(keys);
        ENV_SUFFIX_NAMES = List.of(suffixes);
    }

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
        Objects.requireNonNull(key, "key");
        for (ConfigKey k : ALL) {
            if (k.key.equals(key)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The key whose environment variable, without {@link #ENV_PREFIX}, is {@code suffix}. */
    static Optional<ConfigKey> byEnvSuffix(String suffix) {
        Objects.requireNonNull(suffix, "suffix");
        for (int i = 0; i < ALL.length; i++) {
            if (ENV_SUFFIX_NAMES.get(i).equals(suffix)) {
                return Optional.of(ALL[i]);
            }
        }
        return Optional.empty();
    }

    /** Upper case, {@code .} and {@code -} become {@code _}: the SPEC's environment mapping. */
    static String toEnvSuffix(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The constants' names in lower case, comma separated, e.g. {@code daily, hourly}. */
    private static String choices(Enum<?>[] constants) {
        StringBuilder out = new StringBuilder();
        for (Enum<?> c : constants) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(c.name().toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }
}
