package io.openrouteraudit.redact;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user rule from {@code redact.custom}: every non-empty match of the regex becomes
 * {@code [NAME]}.
 *
 * <p>A regex cannot be anchored cheaply at every position, so instead each text gets one
 * {@link Matcher} whose next match is found lazily: the scanner asks "does a match start here?"
 * and the cursor searches forward only when the scan has moved past the match it found last.
 * One text therefore costs about one regex pass, however many positions are asked about.
 */
final class CustomRegexRule implements RedactionRule {

    /** Character reads allowed per text character (plus a floor for short texts) before giving up. */
    private static final long STEPS_PER_CHAR = 64;
    private static final long MIN_STEPS = 1_000_000;

    private final String name;
    private final Pattern pattern;
    private final Consumer<String> warn;
    private final AtomicBoolean reportedGivingUp = new AtomicBoolean();

    CustomRegexRule(String name, Pattern pattern, Consumer<String> warn) {
        this.name = name;
        this.pattern = pattern;
        this.warn = warn;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean mayStartWith(char c) {
        return true; // unknown: the cursor's cached search result makes asking cheap
    }

    @Override
    public boolean startsOnlyAtTokenStart() {
        return false; // a user's regex may match anywhere, "(?<=id=)\\d+" inside a word included
    }

    @Override
    public PositionMatcher bind(String text) {
        return new Cursor(text);
    }

    private void reportGivingUp(int textLength) {
        // Once per rule, not per text: a pathological regex would otherwise flood stderr.
        if (reportedGivingUp.compareAndSet(false, true)) {
            warn.accept("redact.custom: rule '" + name + "' gave up on a text of " + textLength
                    + " characters because its regex backtracks too much; the rest of such texts is not"
                    + " checked by this rule. Simplify the regex (avoid nested quantifiers such as (a+)+)");
        }
    }

    /** Per-text search state; used by one thread for one {@link Redactor#redact} call. */
    private final class Cursor implements PositionMatcher {
        private final int length;
        private final Matcher matcher;
        private int nextStart = -1;
        private int nextEnd = -1;
        private boolean exhausted;

        Cursor(String text) {
            this.length = text.length();
            long budget = Math.max(MIN_STEPS, STEPS_PER_CHAR * length);
            this.matcher = pattern.matcher(new StepBudgetText(text, budget))
                    .useTransparentBounds(true)   // lookbehind and \b may see text before the search start
                    .useAnchoringBounds(false);   // ... and ^ still means the real start of the text
        }

        @Override
        public int matchEnd(int start) {
            if (exhausted) {
                return -1;
            }
            if (nextStart < start) {
                searchFrom(start);
            }
            return nextStart == start ? nextEnd : -1;
        }

        private void searchFrom(int from) {
            try {
                int searchStart = from;
                while (searchStart <= length) {
                    matcher.region(searchStart, length);
                    if (!matcher.find()) {
                        break;
                    }
                    if (matcher.end() > matcher.start()) {
                        nextStart = matcher.start();
                        nextEnd = matcher.end();
                        return;
                    }
                    searchStart = matcher.start() + 1; // an empty match would replace nothing
                }
            } catch (StepBudgetText.Exhausted | StackOverflowError e) {
                // Deep recursion in java.util.regex (e.g. (a|b)* over a long text) overflows the
                // stack; like a spent budget, that must cost the application nothing but this rule.
                reportGivingUp(length);
            }
            exhausted = true;
        }
    }
}
