package io.openrouteraudit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostPatternTest {

    private final HostPattern openrouter = HostPattern.parse("openrouter.ai");

    @Test
    void hostMatchesItselfAndItsSubdomainsOnAnyPort() {
        assertTrue(openrouter.matches("openrouter.ai", 443));
        assertTrue(openrouter.matches("api.openrouter.ai", 443));
        assertTrue(openrouter.matches("a.b.openrouter.ai", 8080));
    }

    @Test
    void matchingIgnoresCaseAndTheRootDot() {
        assertTrue(openrouter.matches("API.OpenRouter.AI", 443));
        assertTrue(openrouter.matches("openrouter.ai.", 443));
        assertTrue(HostPattern.parse("OpenRouter.AI").matches("openrouter.ai", 443));
        assertEquals("openrouter.ai", HostPattern.parse("OpenRouter.AI").host());
    }

    @Test
    void lookAlikeHostsDoNotMatch() {
        assertFalse(openrouter.matches("evilopenrouter.ai", 443));
        assertFalse(openrouter.matches("openrouter.ai.evil.com", 443));
        assertFalse(openrouter.matches("openrouter.aix", 443));
        assertFalse(openrouter.matches("ai", 443));
        assertFalse(openrouter.matches("", 443));
        assertFalse(openrouter.matches(null, 443));
    }

    @Test
    void portMustEqualWhenThePatternHasOne() {
        HostPattern pattern = HostPattern.parse("proxy.local:8443");
        assertEquals(new HostPattern("proxy.local", 8443), pattern);
        assertTrue(pattern.matches("proxy.local", 8443));
        assertTrue(pattern.matches("eu.proxy.local", 8443));
        assertFalse(pattern.matches("proxy.local", 443));
        assertFalse(pattern.matches("proxy.local", -1));
    }

    @Test
    void bracketedIpv6LiteralMatchesInAnyTextualForm() {
        HostPattern pattern = HostPattern.parse("[::1]:8080");
        assertEquals(new HostPattern("::1", 8080), pattern);
        assertTrue(pattern.matches("[::1]", 8080));
        assertTrue(pattern.matches("::1", 8080));
        assertTrue(pattern.matches("[0:0:0:0:0:0:0:1]", 8080));
        assertFalse(pattern.matches("::2", 8080));
        assertFalse(pattern.matches("[::1]", 8081));
        assertTrue(HostPattern.parse("2001:DB8::1").matches("[2001:db8:0:0:0:0:0:1]", 443));
        assertTrue(HostPattern.parse("[::ffff:10.0.0.1]").matches("::ffff:a00:1", 1));
    }

    @Test
    void ipv4LiteralMatchesOnlyItself() {
        HostPattern loopback = HostPattern.parse("127.0.0.1:9999");
        assertTrue(loopback.matches("127.0.0.1", 9999));
        assertFalse(loopback.matches("1.127.0.0.1", 9999));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "openrouter.ai:0", "openrouter.ai:65536", "openrouter.ai:", "openrouter.ai:https",
            "https://openrouter.ai", "open router.ai", "openrouter..ai", "-bad.example", "[::1", "[::1]x",
            "[not-ipv6]:80", "1:2:3", "300.1.2.3", "a/b"})
    void malformedEntriesAreRefused(String entry) {
        assertThrows(IllegalArgumentException.class, () -> HostPattern.parse(entry));
    }

    @Test
    void auditConfigAuditsAHostWhenAnyPatternMatches() {
        AuditConfig defaults = AuditConfig.defaults();
        assertTrue(defaults.isAuditedHost("openrouter.ai", 443));
        assertTrue(defaults.isAuditedHost("api.openrouter.ai", 443));
        assertFalse(defaults.isAuditedHost("evilopenrouter.ai", 443));
        assertFalse(defaults.isAuditedHost("api.openai.com", 443));
    }
}
