package io.openrouteraudit.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelPatternsTest {

    @ParameterizedTest(name = "{0} allows {1}: {2}")
    @CsvSource({
            // an exact id
            "openai/gpt-4o, openai/gpt-4o, true",
            "openai/gpt-4o, openai/gpt-4o-mini, false",
            "openai/gpt-4o, openai/gpt-4, false",
            // '*' at the end
            "anthropic/*, anthropic/claude-3.5-sonnet, true",
            "anthropic/*, anthropic/, true",
            "anthropic/*, anthropic, false",
            "anthropic/*, openai/anthropic/x, false",
            "openai/gpt-4o*, openai/gpt-4o-mini, true",
            "openai/gpt-4o*, openai/gpt-4, false",
            // '*' at the start
            "*:free, meta-llama/llama-3.3-70b-instruct:free, true",
            "*:free, meta-llama/llama-3.3-70b-instruct, false",
            "*:free, meta-llama/llama-3.3-70b-instruct:free:extended, false",
            // '*' in the middle
            "openai/*-mini, openai/gpt-4o-mini, true",
            "openai/*-mini, openai/gpt-4o-mini-2024, false",
            "openai/*-mini, anthropic/gpt-4o-mini, false",
            // the two ends must not overlap: 'ab*ba' is at least four characters
            "ab*ba, aba, false",
            "ab*ba, abba, true",
            // several '*'
            "*/gpt-*-mini, openai/gpt-4o-mini, true",
            "*/gpt-*-mini, azure/gpt-4.1-mini, true",
            "*/gpt-*-mini, openai/gpt-mini, false",
            "a*b*c, abc, true",
            "a*b*c, ac, false",
            "a*b*c, acbc, true",
            "a*b*c, abcb, false",
            "a*b*b*c, abbc, true",
            "a*b*b*c, abc, false",
            "**, anything/at-all, true",
            "*, openai/gpt-4o, true",
            // case does not matter, on either side
            "Anthropic/*, ANTHROPIC/Claude-3.5-Sonnet, true",
            "OPENAI/GPT-4O, openai/gpt-4o, true",
    })
    void globsMatchTheWholeIdCaseInsensitively(String pattern, String model, boolean allowed) {
        ModelPatterns patterns = new ModelPatterns(List.of(pattern));

        if (allowed) {
            assertTrue(patterns.allows(model), pattern + " should allow " + model);
        } else {
            assertFalse(patterns.allows(model), pattern + " should refuse " + model);
        }
    }

    @Test
    void aModelIsAllowedWhenAnyPatternMatches() {
        ModelPatterns patterns = new ModelPatterns(List.of("anthropic/*", "openai/gpt-4o"));

        assertTrue(patterns.allows("anthropic/claude-3-haiku"));
        assertTrue(patterns.allows("openai/gpt-4o"));
        assertFalse(patterns.allows("openai/gpt-4o-mini"));
        assertFalse(patterns.isEmpty());
    }

    @Test
    void anEmptyListAllowsEveryModelEvenAnUnnamedOne() {
        ModelPatterns patterns = new ModelPatterns(List.of());

        assertTrue(patterns.isEmpty());
        assertTrue(patterns.allows("any/model"));
        assertTrue(patterns.allows(null));
    }

    @Test
    void anUnnamedModelIsNotInAList() {
        assertFalse(new ModelPatterns(List.of("*")).allows(null));
    }
}
