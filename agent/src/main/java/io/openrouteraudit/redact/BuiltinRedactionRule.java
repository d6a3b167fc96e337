package io.openrouteraudit.redact;

/** Adapts a stateless {@link TextMatcher} of a {@link BuiltinRule} to the scanner. */
record BuiltinRedactionRule(BuiltinRule rule, TextMatcher matcher) implements RedactionRule {

    static BuiltinRedactionRule of(BuiltinRule rule) {
        return new BuiltinRedactionRule(rule, rule.newMatcher());
    }

    @Override
    public String name() {
        return rule.name();
    }

    @Override
    public boolean mayStartWith(char c) {
        return matcher.mayStartWith(c);
    }

    @Override
    public boolean startsOnlyAtTokenStart() {
        return true;
    }

    @Override
    public PositionMatcher bind(String text) {
        return new Bound(matcher, text);
    }

    /**
     * The matcher closed over one text. A named class rather than a lambda, so that the first
     * redaction (perhaps of a start-up warning, in premain) spins no class; it costs the same per call.
     */
    private static final class Bound implements PositionMatcher {
        private final TextMatcher matcher;
        private final String text;

        Bound(TextMatcher matcher, String text) {
            this.matcher = matcher;
            this.text = text;
        }

        @Override
        public int matchEnd(int start) {
            return matcher.matchEnd(text, start);
        }
    }
}
