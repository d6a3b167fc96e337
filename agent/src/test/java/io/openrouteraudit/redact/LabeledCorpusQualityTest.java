package io.openrouteraudit.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Redaction quality on a generated, labeled corpus: ordinary multilingual text with one planted
 * secret and one look-alike per line, in varied surroundings (quotes, brackets, JSON, end of
 * sentence). The seed is fixed, so the corpus and the figures are the same on every run: this
 * measures quality, never speed.
 */
class LabeledCorpusQualityTest {

    private static final long SEED = 20_261_123L;
    private static final int LINES_PER_RULE = 2_500;
    private static final double MIN_RECALL = 0.99;
    private static final double MAX_FALSE_POSITIVE_RATE = 0.01;

    private static final String[] WORDS = {"the", "invoice", "was", "sent", "yesterday", "please", "check", "Grüße",
        "Straße", "Müller", "naïve", "café", "señor", "façade", "привет", "заказ", "東京", "日本語", "こんにちは",
        "مرحبا", "שלום", "Ärger", "Øresund", "🎉", "3", "Äpfel", "42", "2024", "Q3", "and", "für", "über", "déjà",
        "vu", "model", "anthropic/claude-3.5-sonnet", "openai/gpt-4o", "tokens", "—", "item", "№5", "½", "x²",
        "ok", "résumé", "Zürich", "İstanbul", "çalışma", "Ελλάδα", "नमस्ते"};

    /** How a planted value sits in the line. */
    private static final String[][] SURROUNDINGS = {{" ", " "}, {" \"", "\" "}, {" (", ") "}, {" ", ". "},
        {" {\"value\":\"", "\"} "}, {": ", ", "}, {" '", "' "}, {" [", "] "}, {"\t", "\t"}, {" «", "» "}};

    private final Redactor redactor = Redactor.create("all", "", line -> { });

    @Test
    void everyRuleFindsAtLeast99PercentAndAtMost1PercentOfLookAlikesAreTouched() {
        Random random = new Random(SEED);
        SecretForms secrets = new SecretForms(random);
        LookAlikeForms lookAlikes = new LookAlikeForms(random);
        Map<BuiltinRule, Integer> found = new EnumMap<>(BuiltinRule.class);
        Map<BuiltinRule, Integer> planted = new EnumMap<>(BuiltinRule.class);
        int lookAlikesPlanted = 0;
        int lookAlikesTouched = 0;
        int plainLines = 0;
        int plainLinesTouched = 0;
        StringBuilder misses = new StringBuilder();
        for (int i = 0; i < LINES_PER_RULE; i++) {
            for (BuiltinRule rule : BuiltinRule.values()) {
                String secret = secrets.of(rule);
                String lookAlike = lookAlikes.of(random.nextInt(LookAlikeForms.KINDS));
                String[] around = SURROUNDINGS[random.nextInt(SURROUNDINGS.length)];
                String head = words(random) + around[0];
                String middle = around[1] + words(random) + " ";
                String tail = " " + words(random);
                boolean secretFirst = random.nextBoolean();
                String line = secretFirst ? head + secret + middle + lookAlike + tail
                        : head + lookAlike + middle + secret + tail;
                String out = redactor.redactText(line);
                String label = "[" + rule.name() + "]";
                boolean hit = secretFirst ? out.startsWith(head + label + middle) : out.endsWith(middle + label + tail);
                boolean lookAlikeKept = secretFirst ? out.endsWith(middle + lookAlike + tail)
                        : out.startsWith(head + lookAlike + middle);
                planted.merge(rule, 1, Integer::sum);
                found.merge(rule, hit ? 1 : 0, Integer::sum);
                if (!hit && misses.length() < 4_000) {
                    misses.append("\n  ").append(rule).append(": ").append(line).append(" -> ").append(out);
                }
                if (!lookAlikeKept && misses.length() < 4_000) {
                    misses.append("\n  touched: ").append(line).append(" -> ").append(out);
                }
                lookAlikesPlanted++;
                lookAlikesTouched += lookAlikeKept ? 0 : 1;
            }
            String plain = words(random) + " " + lookAlikes.of(random.nextInt(LookAlikeForms.KINDS)) + " " + words(random);
            plainLines++;
            plainLinesTouched += redactor.redactText(plain).equals(plain) ? 0 : 1;
        }
        StringBuilder figures = new StringBuilder();
        for (BuiltinRule rule : BuiltinRule.values()) {
            figures.append(String.format("%s recall %.4f; ", rule, found.get(rule) / (double) planted.get(rule)));
        }
        double falsePositiveRate = (lookAlikesTouched + plainLinesTouched) / (double) (lookAlikesPlanted + plainLines);
        figures.append(String.format("look-alikes touched %.4f", falsePositiveRate)).append(misses);
        System.out.println("redaction quality (seed " + SEED + "): " + figures);
        for (BuiltinRule rule : BuiltinRule.values()) {
            double recall = found.get(rule) / (double) planted.get(rule);
            assertTrue(recall >= MIN_RECALL, rule + " recall " + recall + " — " + figures);
        }
        assertTrue(falsePositiveRate <= MAX_FALSE_POSITIVE_RATE, figures::toString);
        assertEquals(LINES_PER_RULE * BuiltinRule.values().length, lookAlikesPlanted);
    }

    private static String words(Random random) {
        StringBuilder out = new StringBuilder();
        int count = 1 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return out.toString();
    }
}
