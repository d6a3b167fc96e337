package io.openrouteraudit.redact;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
