package io.openrouteraudit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The configuration's value shapes are checked by hand (no regex is compiled in premain); each
 * check must accept exactly what the regular expression it replaced accepted.
 */
class HandWrittenShapesTest {

    /** Characters around the edges of every class below, plus a few non-ASCII ones. */
    private static final String ALPHABET = "aAzZ09_-.:/*@+~!#$%&'^`|()[]{};,= \t\n\"\\?<>"
            + "\u00e9\u00aa\u00b2\u0660\u2160\u212a\u0130\u00a0\u3000\u00df\ud83d\ude00\ud835\udc00\ud800";

    @Test
    void customRuleName() {
        sameAs("[A-Za-z][A-Za-z0-9_-]*", ValueParsers::isCustomRuleName);
    }

    @Test
    void headerName() {
        sameAs("[!#$%&'*+.^_`|~0-9A-Za-z-]+", ValueParsers::isHeaderName);
    }

    @Test
    void modelId() {
        sameAs("[A-Za-z0-9._:/*@+~-]+", ValueParsers::isModelId);
    }

    @Test
    void providerName() {
        sameAs("[\\p{L}\\p{N}][\\p{L}\\p{N} ._/()&+:'-]*", ValueParsers::isProviderName);
    }

    @Test
    void providerNameAgreesOnEveryCodePointFirstAndLater() {
        Pattern regex = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._/()&+:'-]*");
        Matcher matcher = regex.matcher("");
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            String alone = new String(Character.toChars(cp));
            String after = "A" + alone;
            if (matcher.reset(alone).matches() != ValueParsers.isProviderName(alone)
                    || matcher.reset(after).matches() != ValueParsers.isProviderName(after)) {
                fail("disagree on U+" + Integer.toHexString(cp));
            }
        }
    }

    @Test
    void decimal() {
        sameAs("\\d+(\\.\\d*)?|\\.\\d+", ValueParsers::isDecimal, "0123456789.x ");
    }

    @Test
    void dnsLabel() {
        sameAs("[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?", HostPattern::isLabel);
        Pattern regex = Pattern.compile("[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?");
        for (int n = 58; n <= 66; n++) {
            for (String s : List.of("a".repeat(n), "a" + "-".repeat(Math.max(0, n - 2)) + "b", "-" + "a".repeat(n))) {
                assertEquals(regex.matcher(s).matches(), HostPattern.isLabel(s), s);
            }
        }
    }

    @Test
    void unicodeEscapeOfControlCharactersIsWhatStringFormatWrote() {
        for (char c = 0; c < 0xFFFF; c++) {
            if (c == '\n' || c == '\r' || c == '\t'
                    || !(Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
                continue;
            }
            assertEquals(ConfigWarnings.PREFIX + "a" + String.format("\\u%04x", (int) c) + "b",
                    ConfigWarnings.other("a" + c + "b"));
        }
    }

    private static void sameAs(String regex, Predicate<String> check) {
        sameAs(regex, check, ALPHABET);
    }

    /** Every string of up to three characters of {@code alphabet}, and random longer ones. */
    private static void sameAs(String regex, Predicate<String> check, String alphabet) {
        Pattern pattern = Pattern.compile(regex);
        List<String> units = new ArrayList<>();
        for (int i = 0; i < alphabet.length(); i += Character.charCount(alphabet.codePointAt(i))) {
            units.add(new String(Character.toChars(alphabet.codePointAt(i))));
        }
        units.add("\ud800"); // a lone surrogate as well as the pairs above
        List<String> samples = new ArrayList<>();
        samples.add("");
        for (String a : units) {
            samples.add(a);
            for (String b : units) {
                samples.add(a + b);
                for (String c : units) {
                    samples.add(a + b + c);
                }
            }
        }
        Random random = new Random(42);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(70);
            for (int k = 0; k < length; k++) {
                s.append(units.get(random.nextInt(units.size())));
            }
            samples.add(s.toString());
        }
        Matcher matcher = pattern.matcher("");
        for (String s : samples) {
            if (matcher.reset(s).matches() != check.test(s)) {
                fail(regex + " and the hand-written check disagree on '" + s + "'");
            }
        }
    }
}
