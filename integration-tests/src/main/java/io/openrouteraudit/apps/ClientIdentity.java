package io.openrouteraudit.apps;

/**
 * What the sample applications send that an audit must never store raw: a (fake) OpenRouter
 * key, and a prompt with personal data. The tests look for these strings in the journal.
 */
public final class ClientIdentity {

    /** Shaped like a real OpenRouter key ({@code sk-or-v1-} and 64 hex); valid nowhere. */
    public static final String API_KEY =
            "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";
    public static final String HTTP_REFERER = "https://support-desk.example.test/";
    public static final String X_TITLE = "Support Desk Assistant";
    public static final String EMAIL = "jane.doe@example.com";
    public static final String PHONE = "+1 415-555-0132";

    private ClientIdentity() {
    }
}
