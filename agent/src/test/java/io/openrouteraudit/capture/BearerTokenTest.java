package io.openrouteraudit.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class BearerTokenTest {

    @Test
    void theSchemeIsDroppedWhateverItsCaseAndTheSpacesAroundTheToken() {
        assertEquals("sk-or-v1-abc", BearerToken.of("Bearer sk-or-v1-abc"));
        assertEquals("sk-or-v1-abc", BearerToken.of("  bearer   sk-or-v1-abc  "));
        assertEquals("sk-or-v1-abc", BearerToken.of("BEARER sk-or-v1-abc"));
    }

    @Test
    void aValueWithoutTheBearerSchemeIsTakenWholeAndNoHeaderIsNoToken() {
        assertEquals("sk-or-v1-abc", BearerToken.of("sk-or-v1-abc"));
        assertEquals("Basic dXNlcjpwdw==", BearerToken.of("Basic dXNlcjpwdw=="));
        assertNull(BearerToken.of(null));
    }
}
