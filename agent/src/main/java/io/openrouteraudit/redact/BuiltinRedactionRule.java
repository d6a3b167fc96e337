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
    public PositionMatcher bind(String text) {
        return start -> matcher.matchEnd(text, start);
    }
}
