package io.openrouteraudit.config;

import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * The agent's effective configuration, one field per key of SPEC section 3. Immutable; build it
 * with {@link ConfigLoader#load} so that every value has been validated.
 *
 * @param journalDir     absolute journal directory
 * @param redactRules    {@code all}, {@code none} or a comma list of upper-case rule names
 * @param redactCustom   {@code NAME=regex} entries separated by {@code ;}, empty when none
 * @param hashKeyFromEnv the key given by {@code OPENROUTER_AUDIT_HASH_KEY}, or null
 * @param userHeader     request header carrying the user id, or null to use the body's field
 * @param policyModels   allowed model ids ({@code *} wildcards); empty allows any
 * @param policyProviders allowed upstream providers; empty allows any
 * @param policyRequire  lower-case request rules, e.g. {@code max-tokens}
 * @param policyDailyBudgetUsd spend ceiling per UTC day, or null for none
 */
public record AuditConfig(boolean enabled, List<HostPattern> hosts, Path journalDir, JournalRoll journalRoll,
        int journalRetentionDays, ContentMode content, int captureMaxBytes, String redactRules, String redactCustom,
        Path hashKeyFile, String hashKeyFromEnv, String userHeader,
        FailMode failMode, boolean otelEnabled, LogLevel logLevel, List<String> policyModels,
        List<String> policyProviders, List<String> policyRequire, BigDecimal policyDailyBudgetUsd,
        PolicyAction policyAction) {

    static final String DEFAULT_JOURNAL_DIR = "openrouter-audit";
    static final String HASH_KEY_FILE_NAME = "hash.key";
    static final int DEFAULT_CAPTURE_MAX_BYTES = 1_048_576;

    public AuditConfig {
        // Defensive copies: the record is shared across threads and must not change under them.
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        policyModels = policyModels == null ? List.of() : List.copyOf(policyModels);
        policyProviders = policyProviders == null ? List.of() : List.copyOf(policyProviders);
        policyRequire = policyRequire == null ? List.of() : List.copyOf(policyRequire);
        redactCustom = redactCustom == null ? "" : redactCustom;
    }

    /** Whether an exchange with {@code host}:{@code port} is audited. */
    public boolean isAuditedHost(String host, int port) {
        for (HostPattern pattern : hosts) {
            if (pattern.matches(host, port)) {
                return true;
            }
        }
        return false;
    }

    /** The SPEC defaults, with {@code journal.dir} resolved against this JVM's working directory. */
    public static AuditConfig defaults() {
        return defaultsFor(workingDirectory(System.getProperty("user.dir")));
    }

    /** The SPEC defaults with {@code ./openrouter-audit} resolved against {@code userDir}. */
    static AuditConfig defaultsFor(Path userDir) {
        Path journalDir = userDir.resolve(DEFAULT_JOURNAL_DIR).normalize();
        return new AuditConfig(true, List.of(new HostPattern("openrouter.ai", -1)), journalDir, JournalRoll.DAILY,
                0, ContentMode.NONE, DEFAULT_CAPTURE_MAX_BYTES, "all", "",
                journalDir.resolve(HASH_KEY_FILE_NAME), null, null,
                FailMode.OPEN, true, LogLevel.WARN, List.of(), List.of(), List.of(), null,
                PolicyAction.FLAG);
    }

    /** {@code user.dir} as an absolute path; a missing or unusable one means the process's own. */
    static Path workingDirectory(String userDir) {
        try {
            if (userDir != null && !userDir.isBlank()) {
                return Path.of(userDir).toAbsolutePath().normalize();
            }
        } catch (InvalidPathException e) {
            // fall through: a broken user.dir must not stop the application
        }
        return Path.of("").toAbsolutePath();
    }

    /** Like the generated one, but never prints the HMAC key, so the config can be logged. */
    @Override
    public String toString() {
        return "AuditConfig[enabled=" + enabled + ", hosts=" + hosts + ", journalDir=" + journalDir
                + ", journalRoll=" + journalRoll + ", journalRetentionDays=" + journalRetentionDays
                + ", content=" + content + ", captureMaxBytes=" + captureMaxBytes + ", redactRules=" + redactRules
                + ", redactCustom=" + redactCustom + ", hashKeyFile=" + hashKeyFile
                + ", hashKeyFromEnv=" + (hashKeyFromEnv == null ? "null" : "<set>") + ", userHeader=" + userHeader
                + ", failMode=" + failMode + ", otelEnabled=" + otelEnabled + ", logLevel=" + logLevel
                + ", policyModels=" + policyModels + ", policyProviders=" + policyProviders
                + ", policyRequire=" + policyRequire + ", policyDailyBudgetUsd=" + policyDailyBudgetUsd
                + ", policyAction=" + policyAction + "]";
    }
}
