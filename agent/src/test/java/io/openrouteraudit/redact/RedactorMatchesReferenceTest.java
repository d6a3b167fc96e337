package io.openrouteraudit.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Differential test: {@link Redactor}, with its start tables, word skipping and pre-scan, gives
 * exactly what {@link ReferenceRedactor} gives (text and counts, in order) on the benchmark's
 * support-ticket prose, on generated secrets and look-alikes packed densely together, and on
 * the saved fuzz inputs read as plain text; for every rule alone, all of them, and with user rules.
 */
class RedactorMatchesReferenceTest {

    /** Settings pairs: {@code redact.rules}, {@code redact.custom}. */
    private static final String[][] SETTINGS = settings();
    private static final String[] SEPARATORS = {" ", ", ", "\n", "\t", ":", "=", "(", ") ", "-", ".", "/", "@", "+",
        "\"", "é", "_", "", "  ", " Bearer ", "mail ", "0", "A", "ß", "東", " € "};

    @Test
    void benchmarkProseAtEveryLength() {
        String prose = SupportTicketProse.of(4096);
        for (int length = 0; length <= prose.length(); length += 37) {
            assertSameEverywhere(prose.substring(0, length));
        }
        assertSameEverywhere(prose);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void generatedSecretsAndLookAlikesPackedTogether(int seed) {
        Random random = new Random(seed * 31L);
        SecretForms secrets = new SecretForms(random);
        LookAlikeForms lookAlikes = new LookAlikeForms(random);
        BuiltinRule[] rules = BuiltinRule.values();
        for (int text = 0; text < 300; text++) {
            StringBuilder s = new StringBuilder();
            int pieces = 1 + random.nextInt(12);
            for (int p = 0; p < pieces; p++) {
                s.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
                s.append(random.nextBoolean() ? secrets.of(rules[random.nextInt(rules.length)])
                        : lookAlikes.of(random.nextInt(LookAlikeForms.KINDS)));
            }
            assertSameEverywhere(s.toString());
        }
    }

    @Test
    void savedFuzzInputsReadAsText() {
        for (Path input : fuzzInputs()) {
            byte[] bytes = read(input);
            assertSameEverywhere(new String(bytes, StandardCharsets.UTF_8));
            assertSameEverywhere(new String(bytes, StandardCharsets.ISO_8859_1));
        }
    }

    private static void assertSameEverywhere(String text) {
        for (String[] setting : SETTINGS) {
            Redactor redactor = Redactor.create(setting[0], setting[1], null);
            RedactionResult expected = new ReferenceRedactor(setting[0], setting[1]).redact(text);
            RedactionResult actual = redactor.redact(text);
            Supplier<String> where = () -> setting[0] + " / " + setting[1] + " on: " + text;
            assertEquals(expected.text(), actual.text(), where);
            assertEquals(List.copyOf(expected.counts().entrySet()), List.copyOf(actual.counts().entrySet()), where);
            assertEquals(expected.text(), redactor.redactText(text), where);
        }
    }

    private static String[][] settings() {
        List<String[]> settings = new ArrayList<>();
        settings.add(new String[] {"all", null});
        settings.add(new String[] {"all", "TICKET=\\bT-\\d{4}\\b;AT=@;WORD=(?<=id=)\\w+"});
        settings.add(new String[] {"none", "DIGITS=\\d{3,}"});
        for (BuiltinRule rule : BuiltinRule.values()) {
            settings.add(new String[] {rule.name(), null});
        }
        settings.add(new String[] {"EMAIL,IP,JWT", null});
        settings.add(new String[] {"PHONE,CARD,IBAN,API_KEY", null});
        return settings.toArray(new String[0][]);
    }

    private static List<Path> fuzzInputs() {
        URL root = RedactorMatchesReferenceTest.class.getResource("RedactorFuzzTestInputs");
        try (Stream<Path> files = Files.walk(Paths.get(root.toURI()))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
