package io.openrouteraudit.redact;

/**
 * The built-in redaction rules. A rule's name is both the {@code redact.rules} setting value and
 * the replacement label: a match becomes {@code [NAME]}.
 *
 * <p>The declaration order is also the tie-break order when two built-in rules match the same
 * span, so the more specific rules come first where it matters (API_KEY before JWT: a
 * {@code Bearer eyJ...} token is reported as the API key it is).
 */
public enum BuiltinRule {
    EMAIL,
    PHONE,
    SSN,
    CARD,
    IBAN,
    IP,
    API_KEY,
    JWT;

    /** A new matcher for this rule. Adding a rule = a constant above, a matcher class, a case here. */
    TextMatcher newMatcher() {
        return switch (this) {
            case EMAIL -> new EmailMatcher();
            case PHONE -> new PhoneMatcher();
            case SSN -> new SsnMatcher();
            case CARD -> new CardMatcher();
            case IBAN -> new IbanMatcher();
            case IP -> new IpAddressMatcher();
            case API_KEY -> new ApiKeyMatcher();
            case JWT -> new JwtMatcher();
        };
    }
}
