package io.openrouteraudit.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every built-in rule, in every form the spec lists, is replaced by its label inside prose. */
class BuiltinRulePositivesTest {

    private final Redactor redactor = Redactor.create("all", "", line -> { });

    private void assertReplacedBy(String label, String secret) {
        RedactionResult result = redactor.redact("before " + secret + " after.");
        assertEquals("before [" + label + "] after.", result.text(), () -> "input: " + secret);
        assertEquals(Map.of(label, 1), result.counts());
    }

    @ParameterizedTest
    @ValueSource(strings = {"john@example.com", "john.doe+tag@mail.example.co.uk", "a_b-c%d@sub-domain.example.org",
        "X9@host.io"})
    void emailAddressesAreReplaced(String email) {
        assertReplacedBy("EMAIL", email);
    }

    @ParameterizedTest
    @ValueSource(strings = {"(555) 123-4567", "(555)123-4567", "555-123-4567", "555.123.4567", "555 123 4567",
        "+1 555 123 4567", "+1-555-123-4567", "+1 (555) 123-4567", "1-800-555-1234"})
    void northAmericanPhoneNumbersAreReplaced(String phone) {
        assertReplacedBy("PHONE", phone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+44 20 7946 0958", "+49 30 1234567", "+33 1 23 45 67 89", "+91 98765 43210",
        "+442079460958", "+44 (0)20 7946 0958", "+81-3-1234-5678", "+49 (0)30 1234567", "+55 11 91234-5678",
        "+61 412 345 678", "+34 612 34 56 78", "+86 138 0013 8000", "+39 06 1234 5678", "+52 55 1234 5678",
        "+7 495 123-45-67", "+33.1.23.45.67.89", "+31 20 123 4567"})
    void internationalPhoneNumbersAreReplaced(String phone) {
        assertReplacedBy("PHONE", phone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"123-45-6789", "078-05-1120", "899-99-9999"})
    void dashedSocialSecurityNumbersAreReplaced(String ssn) {
        assertReplacedBy("SSN", ssn);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111 1111 1111 1111", "4111-1111-1111-1111", "4111111111111111", "5555555555554444",
        "378282246310005", "3782 822463 10005", "6011111111111117", "4222222222222", "6212345678901265",
        "3782-822463-10005", "5555 5555 5555 4444", "5555-5555-5555-4444", "3056 930902 5904", "30569309025904",
        "6011 0009 9013 9424", "3530 1113 3330 0000", "2223 0031 2200 3222", "4111 1111 1111 1111 003"})
    void luhnValidCardNumbersAreReplaced(String card) {
        assertReplacedBy("CARD", card);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432", "DE89 3704 0044 0532 0130 00",
        "DE89370400440532013000", "FR14 2004 1010 0505 0001 3M02 606", "NL91ABNA0417164300",
        "IT60 X054 2811 1010 0000 0123 456", "ES91 2100 0418 4502 0005 1332", "CH93 0076 2011 6238 5295 7",
        "BE68 5390 0754 7034", "NO93 8601 1117 947", "PL61 1090 1014 0000 0712 1981 2874", "AT611904300234573201"})
    void mod97ValidIbansAreReplaced(String iban) {
        assertReplacedBy("IBAN", iban);
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.168.1.1", "10.0.0.255", "8.8.8.8", "0.0.0.0", "255.255.255.255"})
    void ipv4AddressesAreReplaced(String ip) {
        assertReplacedBy("IP", ip);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001:0db8:85a3:0000:0000:8a2e:0370:7334", "2001:db8::1", "::1", "fe80::1%eth0",
        "::ffff:192.0.2.128", "2001:db8::", "FE80::0202:B3FF:FE1E:8329", "2001:db8:0:0:1:0:0:1",
        "2001:DB8:85A3::8A2E:370:7334", "fe80::1ff:fe23:4567:890a", "2001:db8:3333:4444:5555:6666:1.2.3.4",
        "64:ff9b::192.0.2.33"})
    void ipv6AddressesAreReplaced(String ip) {
        assertReplacedBy("IP", ip);
    }

    @Test
    void ipAddressesAfterALabelOrInBracketsAreReplaced() {
        assertEquals("ip:[IP], host:[IP], src:[IP], url [[IP]]:443",
                redactor.redactText("ip:10.0.0.1, host:2001:db8::1, src:fe80::1, url [2001:db8::1]:443"));
    }

    @Test
    void ipv4KeepsItsPortAndPrefixLength() {
        assertEquals("connect [IP]:8080 in [IP]/24", redactor.redactText("connect 10.1.2.3:8080 in 10.1.0.0/24"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "sk-or-v1-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "sk-abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKL",
        "sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z_A-B7",
        "sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdEf",
        "AKIAIOSFODNN7EXAMPLE", "ASIAY34FZKBOKMUTVV7A",
        "ghp_16C7e42F292c6912E7710c838347Ae178B4a", "gho_16C7e42F292c6912E7710c838347Ae178B4a",
        "ghu_16C7e42F292c6912E7710c838347Ae178B4a", "ghs_16C7e42F292c6912E7710c838347Ae178B4a",
        "ghr_16C7e42F292c6912E7710c838347Ae178B4a",
        "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH",
        "AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe",
        "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx", "xoxp-1234567890-abcdefghij",
        "xoxa-2-abcdefghij12", "xoxr-abcdefghij12", "xoxs-abcdefghij12"})
    void vendorApiKeysAreReplaced(String key) {
        assertReplacedBy("API_KEY", key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc123def456ghi789", "bearer abc123def456ghi789", "BEARER  a1b2c3d4e5f6",
        "Bearer dGhpcyBpcyBhIHRva2VuIHdpdGhvdXQgZGlnaXRz+/=="})
    void bearerTokensKeepTheWordBearer(String header) {
        String result = redactor.redactText("Authorization: " + header + "\n");
        String keyword = header.substring(0, header.lastIndexOf(' ') + 1);
        assertEquals("Authorization: " + keyword + "[API_KEY]\n", result);
    }

    @Test
    void bearerJwtIsReportedAsTheApiKeyItIs() {
        String jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
        RedactionResult result = redactor.redact("Authorization: Bearer " + jwt);
        assertEquals("Authorization: Bearer [API_KEY]", result.text());
        assertEquals(Map.of("API_KEY", 1), result.counts());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
        "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0."})
    void jsonWebTokensAreReplaced(String jwt) {
        assertReplacedBy("JWT", jwt);
    }

    @Test
    void matchesInsideJsonStringsAreReplaced() {
        String json = "{\"email\":\"ann@example.org\",\"ip\":\"10.0.0.1\",\"card\":\"4111111111111111\"}";
        assertEquals("{\"email\":\"[EMAIL]\",\"ip\":\"[IP]\",\"card\":\"[CARD]\"}", redactor.redactText(json));
    }

    @Test
    void numbersAfterOtherNumbersInProseOrCsvAreStillReplaced() {
        assertEquals("qty 2 [CARD], call 12 [PHONE]", redactor.redactText("qty 2 4111111111111111, call 12 555-123-4567"));
        assertEquals("12,[CARD],2024,[SSN]", redactor.redactText("12,4111111111111111,2024,123-45-6789"));
    }

    @Test
    void matchesAtTheVeryStartAndEndOfTheTextAreReplaced() {
        assertEquals("[EMAIL]", redactor.redactText("bob@example.com"));
        assertEquals("[SSN]", redactor.redactText("123-45-6789"));
        assertEquals("ip [IP]", redactor.redactText("ip 127.0.0.1"));
    }
}
