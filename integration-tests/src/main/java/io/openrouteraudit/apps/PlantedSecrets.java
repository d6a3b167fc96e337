package io.openrouteraudit.apps;

import io.openrouteraudit.sim.GenerationPlan;
import java.util.List;

/**
 * A prompt full of personal data and credentials, one or more of every built-in redaction rule,
 * for the privacy test: with {@code -Dapps.plant-secrets=true} every sample application sends it
 * as its user text, and the simulator repeats it back as the answer, so the secrets travel in
 * the request, in a JSON answer and split across the events of a stream. All are fake.
 */
public final class PlantedSecrets {

    /** The system property that makes the applications send the planted prompt. */
    public static final String SWITCH = "apps.plant-secrets";
    /** What the simulator recognises: it answers with everything after it. */
    public static final String ECHO_MARKER = GenerationPlan.ECHO_MARKER;

    /** Each as written in the prompt; every one must be absent from whatever the agent writes. */
    public static final List<String> SECRETS = List.of(
            "planted.person@example.org",
            "+44 20 7946 0958",
            "(415) 555-0199",
            "219-09-9999",
            "4111 1111 1111 1111",
            "5555-5555-5555-4444",
            "GB82 WEST 1234 5698 7654 32",
            "DE89370400440532013000",
            "203.0.113.77",
            "2001:db8:85a3::8a2e:370:7334",
            "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",
            "sk-proj-Q9wErTyUiOpAsDfGhJkLzXcVbNm1234567890_-QwErTy",
            "sk-ant-api03-Zx9Yw8Xv7Wu6Vt5Us4Tr3Sq2Rp1Qo0PnMmLlKkJjIiHhGgFfEeDdCcBbAa-_Zz",
            "AKIAZ7PLANTEDKEY0042",
            "ghp_PlantedGitHubToken0123456789abcdefgh",
            "AIzaSyPlantedGoogleKey_0123456789-abcdefg",
            "xoxb-123456789012-1234567890123-PlantedSlackTokenAbCd",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJwbGFudGVkIiwiaWF0IjoxNzY2MDAwMDAwfQ"
                    + ".PlantedSignature0123456789abcdefghijABCDEFG");

    private PlantedSecrets() {
    }

    /** Whether this application run sends the planted prompt. */
    public static boolean enabled() {
        return Boolean.getBoolean(SWITCH);
    }

    /** The user text: every secret, in prose, after the marker the simulator echoes from. */
    public static String userText(String label) {
        return "[" + label + "] " + ECHO_MARKER + " my details are " + String.join(" and ", SECRETS) + ", thanks.";
    }
}
