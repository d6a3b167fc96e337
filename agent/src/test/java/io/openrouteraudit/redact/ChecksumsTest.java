package io.openrouteraudit.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChecksumsTest {

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111111", "5555555555554444", "378282246310005", "6011111111111117",
        "4222222222222", "79927398713", "0", "4111 1111 1111 1111", "4111-1111-1111-1111"})
    void luhnAcceptsValidNumbersWithOrWithoutSeparators(String number) {
        assertTrue(Checksums.luhnValid(number));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111112", "79927398710", "1234567812345678", "", "4111x111111111111"})
    void luhnRejectsWrongCheckDigitsEmptyAndLetters(String number) {
        assertFalse(Checksums.luhnValid(number));
    }

    @Test
    void luhnChecksOnlyTheGivenRange() {
        assertTrue(Checksums.luhnValid("card 4111111111111111 end", 5, 21));
        assertFalse(Checksums.luhnValid("card 4111111111111111 end", 5, 20));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GB82WEST12345698765432", "GB82 WEST 1234 5698 7654 32", "DE89370400440532013000",
        "FR1420041010050500013M02606", "NL91ABNA0417164300", "BE68539007547034", "NO9386011117947",
        "gb82west12345698765432"})
    void mod97AcceptsValidIbans(String iban) {
        assertTrue(Checksums.ibanValid(iban));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GB83WEST12345698765432", "GB00WEST12345698765432", "DE89370400440532013001",
        "NO938601111794", "1282WEST12345698765432", "GBX2WEST12345698765432",
        "GB82WEST123456987654321234567890123456"})
    void mod97RejectsWrongCheckDigitsAndBadShapes(String iban) {
        assertFalse(Checksums.ibanValid(iban));
    }

    @Test
    void mod97AgreesWithArithmeticOnTheRearrangedNumber() {
        Random random = new Random(97);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcz0123456789 -\u0131\u017f";
        int accepted = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(40);
            for (int k = 0; k < length; k++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (random.nextBoolean() && s.length() > 4) { // often the right shape, so that both answers occur
                s.replace(0, 4, "GB" + random.nextInt(10) + random.nextInt(10));
            }
            boolean expected = mod97ByBigInteger(s.toString());
            accepted += expected ? 1 : 0;
            assertEquals(expected, Checksums.ibanValid(s), s::toString);
        }
        assertTrue(accepted > 100, "too few valid samples to compare: " + accepted);
    }

    /** The ISO 7064 definition, spelled out: letters and digits upper-cased, rotated, letters as 10-35. */
    private static boolean mod97ByBigInteger(String text) {
        StringBuilder kept = new StringBuilder();
        for (char c : text.toCharArray()) {
            char upper = Character.toUpperCase(c);
            if (upper < 128 && Character.isLetterOrDigit(upper)) {
                kept.append(upper);
            }
        }
        String iban = kept.toString();
        if (iban.length() < 15 || iban.length() > 34 || !iban.substring(0, 2).matches("[A-Z]{2}")
                || !iban.substring(2, 4).matches("[0-9]{2}")) {
            return false;
        }
        StringBuilder digits = new StringBuilder();
        for (char c : (iban.substring(4) + iban.substring(0, 4)).toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }
}
