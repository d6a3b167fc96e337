package io.openrouteraudit.cli.reconcile;

import io.openrouteraudit.journal.StoredRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compares a journal record with OpenRouter's account of the same generation: cost, prompt and
 * completion tokens, the model that served it and the upstream provider. A field OpenRouter does
 * not report is not compared; a field OpenRouter reports and the journal lacks is a difference.
 */
public final class RecordComparison {

    /** Costs are USD doubles on both sides: equal within 1e-9 relative or 1e-12 absolute. */
    static final double RELATIVE_COST_TOLERANCE = 1e-9;
    static final double ABSOLUTE_COST_TOLERANCE = 1e-12;

    private RecordComparison() {
    }

    public static List<Difference> compare(StoredRecord journal, GenerationStats openRouter) {
        List<Difference> differences = new ArrayList<>(2);
        if (openRouter.totalCost() != null && !sameCost(journal.totalCost(), openRouter.totalCost())) {
            differences.add(new Difference("total_cost", money(journal.totalCost()), money(openRouter.totalCost())));
        }
        tokens(differences, "prompt_tokens", journal.promptTokens(),
                openRouter.tokensPrompt(), openRouter.nativeTokensPrompt());
        tokens(differences, "completion_tokens", journal.completionTokens(),
                openRouter.tokensCompletion(), openRouter.nativeTokensCompletion());
        if (openRouter.model() != null && !openRouter.model().equals(journal.model())) {
            differences.add(new Difference("model", text(journal.model()), text(openRouter.model())));
        }
        if (openRouter.providerName() != null && !openRouter.providerName().equals(journal.provider())) {
            differences.add(new Difference("provider", text(journal.provider()), text(openRouter.providerName())));
        }
        return List.copyOf(differences);
    }

    static boolean sameCost(Double journal, Double openRouter) {
        if (journal == null || openRouter == null) {
            return Objects.equals(journal, openRouter);
        }
        double a = journal;
        double b = openRouter;
        double diff = Math.abs(a - b);
        return diff <= ABSOLUTE_COST_TOLERANCE || diff <= RELATIVE_COST_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    }

    /**
     * OpenRouter reports {@code tokens_*} and {@code native_tokens_*} (the upstream tokenizer's
     * count, which is what a response's {@code usage} now carries): the journal agrees when it
     * equals either. The report shows {@code tokens_*}, else the native count.
     */
    private static void tokens(List<Difference> differences, String field, Long journal, Long counted, Long nativeCount) {
        if (counted == null && nativeCount == null) {
            return;
        }
        if (journal != null && (journal.equals(counted) || journal.equals(nativeCount))) {
            return;
        }
        differences.add(new Difference(field, journal == null ? "null" : journal.toString(),
                (counted != null ? counted : nativeCount).toString()));
    }

    static String money(Double value) {
        return value == null ? "null" : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A JSON-style quoted string, so that names with spaces stay one token of the report line. */
    static String text(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
