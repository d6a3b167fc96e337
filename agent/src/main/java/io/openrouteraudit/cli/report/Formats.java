package io.openrouteraudit.cli.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Locale;

/** How the report writes numbers, amounts and times (locale-independent). */
public final class Formats {

    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** US dollars to at most 8 decimals, at least 2: {@code $0.0066}, {@code $12.50}, {@code $0.00}. */
    public static String usd(double amount) {
        return "$" + decimal(amount, 8, 2);
    }

    /** {@link #usd(double)} of an exact sum. */
    public static String usd(BigDecimal amount) {
        BigDecimal d = amount.setScale(8, RoundingMode.HALF_UP).stripTrailingZeros();
        return "$" + (d.scale() < 2 ? d.setScale(2, RoundingMode.UNNECESSARY) : d).toPlainString();
    }

    /** A latency in milliseconds, {@code –} when there is none. */
    public static String millis(Long ms) {
        return ms == null ? "\u2013" : count(ms) + " ms";
    }

    /** A count with thin grouping: {@code 1,234,567}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A count and its noun: {@code 1 request}, {@code 2 requests}. */
    public static String counted(long n, String noun) {
        return count(n) + " " + noun + (n == 1 ? "" : "s");
    }

    /** A share as a percentage with one decimal: {@code 33.3%}; {@code –} when there is no denominator. */
    public static String percent(long part, long whole) {
        if (whole <= 0) {
            return "\u2013";
        }
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    /** An axis tick: up to 6 significant digits, no exponent, no trailing zeros. */
    public static String tick(double value) {
        if (value == 0) {
            return "0";
        }
        return new BigDecimal(value).round(new MathContext(6, RoundingMode.HALF_UP)).stripTrailingZeros()
                .toPlainString();
    }

    /** A record's time: ISO-8601 UTC with milliseconds, as the journal stores it. */
    public static String time(Instant at) {
        return at == null ? "\u2013" : MILLIS.format(at);
    }

    /** Any other instant (window bounds, generation time): ISO-8601 UTC, as precise as it is. */
    public static String instant(Instant at) {
        return at == null ? "\u2013" : DateTimeFormatter.ISO_INSTANT.format(at);
    }

    static String decimal(double value, int maxScale, int minScale) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        BigDecimal d = BigDecimal.valueOf(value).setScale(maxScale, RoundingMode.HALF_UP).stripTrailingZeros();
        if (d.scale() < minScale) {
            d = d.setScale(minScale, RoundingMode.UNNECESSARY);
        }
        return d.toPlainString();
    }
}
