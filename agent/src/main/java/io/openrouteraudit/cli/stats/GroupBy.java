package io.openrouteraudit.cli.stats;

import io.openrouteraudit.journal.StoredRecord;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** What {@code stats --by} groups records by; a record's group key may be {@code null} ("(none)"). */
public enum GroupBy {

    /** {@code model_used}, else {@code model_requested}. */
    MODEL("model"),
    /** The UTC date of {@code timestamp}, {@code yyyy-MM-dd}. */
    DAY("day"),
    /** {@code user_id}. */
    USER("user"),
    /** {@code provider}. */
    PROVIDER("provider"),
    /** {@code key_fingerprint}. */
    KEY("key"),
    /** Each entry of {@code policy_violations}; a record without violations is in no group. */
    POLICY("policy");

    private final String option;

    GroupBy(String option) {
        this.option = option;
    }

    /** The value of {@code --by}, also the name of the key column. */
    public String option() {
        return option;
    }

    /** The grouping named by an {@code --by} value, case-insensitive; {@code null} when none is. */
    public static GroupBy fromOption(String value) {
        for (GroupBy g : values()) {
            if (g.option.equals(value.toLowerCase(Locale.ROOT))) {
                return g;
            }
        }
        return null;
    }

    /** The allowed {@code --by} values, e.g. for a message: {@code model|day|...}. */
    public static String options() {
        StringBuilder b = new StringBuilder();
        for (GroupBy g : values()) {
            b.append(b.length() == 0 ? "" : "|").append(g.option);
        }
        return b.toString();
    }

    /**
     * Hands each group key of a record to {@code sink}: exactly one (perhaps {@code null}) for every
     * grouping but {@link #POLICY}, which gives each distinct violated rule and nothing for a record
     * without violations.
     */
    public void keysOf(StoredRecord r, Consumer<String> sink) {
        switch (this) {
            case MODEL -> sink.accept(r.model());
            case DAY -> sink.accept(r.timestamp() == null ? null
                    : LocalDate.ofInstant(r.timestamp(), ZoneOffset.UTC).toString());
            case USER -> sink.accept(r.userId());
            case PROVIDER -> sink.accept(r.provider());
            case KEY -> sink.accept(r.keyFingerprint());
            case POLICY -> {
                List<String> rules = r.policyViolations();
                for (int i = 0; i < rules.size(); i++) {
                    if (rules.indexOf(rules.get(i)) == i) {
                        sink.accept(rules.get(i));
                    }
                }
            }
            default -> throw new IllegalStateException(name());
        }
    }
}
