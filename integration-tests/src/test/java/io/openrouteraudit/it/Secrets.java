package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.openrouteraudit.apps.ClientIdentity;
import java.util.List;

/** What must never appear in the journal, its export or the agent's output (SPEC §7). */
final class Secrets {

    /** The key (also without its prefix), the e-mail address and the phone number, as sent and as digits. */
    static final List<String> FORBIDDEN = List.of(
            ClientIdentity.API_KEY,
            ClientIdentity.API_KEY.substring("sk-or-v1-".length()),
            ClientIdentity.EMAIL,
            ClientIdentity.PHONE,
            ClientIdentity.PHONE.replaceAll("[^0-9]", "").substring(1));

    private Secrets() {
    }

    static void assertAbsent(String where, String text) {
        for (String secret : FORBIDDEN) {
            assertFalse(text.contains(secret), () -> where + " contains \"" + secret + "\"");
        }
    }
}
