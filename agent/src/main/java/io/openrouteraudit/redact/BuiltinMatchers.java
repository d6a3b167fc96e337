package io.openrouteraudit.redact;

/**
 * One matcher of each built-in rule, called through a switch on the rule rather than through the
 * {@link TextMatcher} interface: the scanner calls a matcher at every token start, and eight
 * implementations behind one call site would make every call a megamorphic virtual call that
 * the JIT cannot inline. Here each call site has exactly one target.
 *
 * <p>Most token starts in prose are the first letter of an ordinary word. Before the full
 * matcher, a few character reads that every match of the rule needs ({@code mayStartAt}) are
 * small enough to be inlined here, so such a word costs no call into the matchers at all.
 */
final class BuiltinMatchers {

    private final EmailMatcher email = new EmailMatcher();
    private final PhoneMatcher phone = new PhoneMatcher();
    private final SsnMatcher ssn = new SsnMatcher();
    private final CardMatcher card = new CardMatcher();
    private final IbanMatcher iban = new IbanMatcher();
    private final IpAddressMatcher ip = new IpAddressMatcher();
    private final ApiKeyMatcher apiKey = new ApiKeyMatcher();
    private final JwtMatcher jwt = new JwtMatcher();

    /** {@link TextMatcher#matchEnd} of the rule with this {@link BuiltinRule#ordinal()}. */
    int matchEnd(int rule, String s, int start) {
        switch (rule) {
            case 0:
                return email.matchEnd(s, start);
            case 1:
                return phone.matchEnd(s, start);
            case 2:
                return ssn.matchEnd(s, start);
            case 3:
                return card.matchEnd(s, start);
            case 4:
                return IbanMatcher.mayStartAt(s, start) ? iban.matchEnd(s, start) : -1;
            case 5:
                return IpAddressMatcher.mayStartAt(s, start) ? ip.matchEnd(s, start) : -1;
            case 6:
                return apiKey.mayStartAt(s, start) ? apiKey.matchEnd(s, start) : -1;
            case 7:
                return JwtMatcher.mayStartAt(s, start) ? jwt.matchEnd(s, start) : -1;
            default:
                throw new IllegalArgumentException("no built-in rule " + rule);
        }
    }
}
