package io.openrouteraudit.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Text that merely resembles personal data or secrets passes through every rule untouched. */
class LookAlikesSurviveTest {

    private final Redactor redactor = Redactor.create("all", "", line -> { });

    private void assertUntouched(String text) {
        RedactionResult result = redactor.redact("value " + text + " end");
        assertEquals("value " + text + " end", result.text());
        assertTrue(result.counts().isEmpty(), () -> "unexpected matches " + result.counts());
    }

    @ParameterizedTest
    @ValueSource(strings = {"550e8400-e29b-41d4-a716-446655440000", "123e4567-e89b-12d3-a456-426614174000",
        "00000000-0000-0000-0000-000000000000"})
    void uuids(String text) {
        assertUntouched(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-01-15T12:30:45Z", "2024-01-15T12:30:45.123+00:00", "2025-12-19 01:22:32",
        "12:30:45", "10:30", "2024-01-15", "15/01/2024", "20240115T123045Z"})
    void isoTimestampsDatesAndTimes(String text) {
        assertUntouched(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1766107352", "1766107352123", "1700000000000", "1766107352.123456"})
    void unixTimestamps(String text) {
        assertUntouched(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3", "v2.10.4", "1.2.3.4.5", "10.0.0.1.2", "version 3.11.4-beta.1", "2.0.0-rc.1",
        "1.2.300.4", "01.02.03.04"})
    void versionNumbers(String text) {
        assertUntouched(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
        "da39a3ee5e6b4b0d3255bfef95601890afd80709", "d41d8cd98f00b204e9800998ecf8427e", "a1b2c3d",
        "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "43:51:43:a1:b5:fc:8b:b7:0a:3a:a9:b1:0f:66:73:a8", "00:1A:2B:3C:4D:5E"})
    void hashesAndHexIdentifiers(String text) {
        assertUntouched(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"$1,234.56", "1.234,56 €", "$1,234,567.89", "USD 12345678.90", "€ 4.111.111,11",
        "-1234567890123"})
    void moneyAmounts(String text) {
        assertUntouched(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"prompt_tokens: 1234", "\"completion_tokens\":98765", "total 1,234,567 tokens",
        "\"total_cost\":0.0001234", "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":345}"})
    void tokenCountsAndUsage(String text) {
        assertUntouched(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ORD-2024-000123", "INV-2024-555-123-4567", "order #100234567", "PO 2024 000 123",
        "ticket-1234-5678-9012-3456"})
    void orderNumbers(String text) {
        assertUntouched(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111 1111 1111 1112", "4111-1111-1111-1112", "4111111111111112", "1234567812345678"})
    void luhnInvalidCardNumbers(String text) {
        assertUntouched(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234 4111 1111 1111 1111", "4111 1111 1111 1111 1234", "4111-1111-1111-1111-0000",
        "4111111111111111.5", "12 555 123 4567", "555 123 4567 89"})
    void longerDigitStructuresAreNotCutIntoCardsOrPhones(String text) {
        assertUntouched(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GB00 WEST 1234 5698 7654 32", "GB83WEST12345698765432", "DE00 3704 0044 0532 0130 00",
        "NL92ABNA0417164300"})
    void ibansWithWrongCheckDigits(String text) {
        assertUntouched(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.1.1.1", "192.168.1.300", "999.999.999.999", "10.0.0.256", "1.2.3.1000",
        "300.200.100.50"})
    void dottedQuadsWithAnOctetOver255(String text) {
        assertUntouched(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE89 3704 0044 0532 0130", "DE89 3704 0044 0532 0130 0000", "GB82 WEST 1234 5698 7654",
        "DE8937040044053201300"})
    void ibansOfTheWrongLengthForTheirCountry(String text) {
        assertUntouched(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5555 5555 5555 4445", "3782 822463 10006", "6011-1111-1111-1118", "4222222222223"})
    void luhnInvalidCardsInEveryForm(String text) {
        assertUntouched(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gen-1766107352-qwhPp17HeXK7ivKFmPFa", "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT",
        "req_011CUsqNqnJ1yXhgm6wc3Dvx", "msg_01XFDUDYJgAACzvnptvVoYEL"})
    void generationAndRequestIds(String text) {
        assertUntouched(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"000-12-3456", "666-12-3456", "900-12-3456", "123-00-4567", "123-45-0000", "123-456-789"})
    void numbersTheSsaNeverIssues(String text) {
        assertUntouched(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sk-learn", "task-sk-1234567890abcdefghij", "AKIA123", "Bearer token", "a Bearer scheme",
        "eyJhbGc", "std::vector", "Foo::bar", "user@localhost", "@mention", "a@b", "x = 16:9", "5551234567",
        "+5 points", "1+555-123-4567x"})
    void proseAndCodeThatOnlyResembleSecrets(String text) {
        assertUntouched(text);
    }
}
