package io.openrouteraudit.policy;

import static io.openrouteraudit.policy.PolicyFixtures.CHAT;
import static io.openrouteraudit.policy.PolicyFixtures.EMBEDDINGS;
import static io.openrouteraudit.policy.PolicyFixtures.RESPONSES;
import static io.openrouteraudit.policy.PolicyFixtures.facts;
import static io.openrouteraudit.policy.PolicyFixtures.requiring;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openrouteraudit.config.PolicyAction;
import io.openrouteraudit.openrouter.RequestFacts;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of {@code policy.*} over request bodies as the agent parses them. */
class CompliancePolicyTest {

    private static final String MESSAGES = "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]";
    /** A request that keeps every request rule. */
    private static final String COMPLIANT = "{\"model\":\"anthropic/claude-3.5-sonnet\"," + MESSAGES + ","
            + "\"max_tokens\":256,\"provider\":{\"allow_fallbacks\":false,\"data_collection\":\"deny\",\"zdr\":true}}";
    private static final String[] ALL_REQUEST_RULES = {"max-tokens", "no-fallbacks", "data-collection-deny", "zdr",
            "no-free"};

    private static EnumSet<PolicyRule> judge(CompliancePolicy policy, String body) {
        return policy.requestViolations(CHAT, facts(body));
    }

    private static EnumSet<PolicyRule> none() {
        return EnumSet.noneOf(PolicyRule.class);
    }

    private static String chat(String members) {
        return "{\"model\":\"openai/gpt-4o\"," + MESSAGES + (members.isEmpty() ? "" : "," + members) + "}";
    }

    @Test
    void aCompliantRequestBreaksNoRequestRule() {
        assertEquals(none(), judge(requiring(PolicyAction.BLOCK, ALL_REQUEST_RULES), COMPLIANT));
    }

    @Test
    void aRequestWithoutAnyConstraintBreaksEveryRequestRuleButNoFree() {
        assertEquals(EnumSet.of(PolicyRule.MAX_TOKENS, PolicyRule.NO_FALLBACKS, PolicyRule.DATA_COLLECTION_DENY,
                        PolicyRule.ZDR),
                judge(requiring(PolicyAction.FLAG, ALL_REQUEST_RULES), chat("")));
    }

    @Test
    void rulesNotRequiredAreNotJudged() {
        assertEquals(EnumSet.of(PolicyRule.ZDR), judge(requiring(PolicyAction.FLAG, "zdr"), chat("")));
        assertEquals(none(), judge(requiring(PolicyAction.FLAG), chat("")));
    }

    // max-tokens

    @ParameterizedTest
    @ValueSource(strings = {"\"max_tokens\":256", "\"max_completion_tokens\":256", "\"max_output_tokens\":256",
            "\"max_tokens\":0"})
    void anyTokenLimitKeepsMaxTokens(String limit) {
        CompliancePolicy policy = requiring(PolicyAction.BLOCK, "max-tokens");

        assertEquals(none(), judge(policy, chat(limit)));
    }

    @Test
    void theResponsesApiLimitCounts() {
        CompliancePolicy policy = requiring(PolicyAction.BLOCK, "max-tokens");
        String responses = "{\"model\":\"openai/gpt-4o\",\"input\":\"Hi\",\"max_output_tokens\":100}";

        assertEquals(none(), policy.requestViolations(RESPONSES, facts(responses)));
        assertEquals(EnumSet.of(PolicyRule.MAX_TOKENS),
                policy.requestViolations(RESPONSES, facts("{\"model\":\"openai/gpt-4o\",\"input\":\"Hi\"}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\"max_tokens\":null", "\"max_tokens\":\"lots\"", "\"temperature\":0.2"})
    void noNumericTokenLimitBreaksMaxTokens(String members) {
        assertEquals(EnumSet.of(PolicyRule.MAX_TOKENS), judge(requiring(PolicyAction.BLOCK, "max-tokens"),
                chat(members)));
    }

    @Test
    void embeddingsNeedNoTokenLimit() {
        CompliancePolicy policy = requiring(PolicyAction.BLOCK, "max-tokens");
        RequestFacts embedding = facts("{\"model\":\"openai/text-embedding-3-small\",\"input\":\"Hi\"}");

        assertEquals(none(), policy.requestViolations(EMBEDDINGS, embedding));
        assertEquals(EnumSet.of(PolicyRule.MAX_TOKENS), policy.requestViolations(CHAT, embedding),
                "the exemption is the endpoint's, not the body's");
    }

    // no-fallbacks

    @Test
    void noFallbacksNeedsAllowFallbacksFalseAndNoModelsList() {
        CompliancePolicy policy = requiring(PolicyAction.BLOCK, "no-fallbacks");
        EnumSet<PolicyRule> broken = EnumSet.of(PolicyRule.NO_FALLBACKS);

        assertEquals(none(), judge(policy, chat("\"provider\":{\"allow_fallbacks\":false}")));
        assertEquals(broken, judge(policy, chat("")), "OpenRouter's default allows fallbacks");
        assertEquals(broken, judge(policy, chat("\"provider\":{\"order\":[\"OpenAI\"]}")));
        assertEquals(broken, judge(policy, chat("\"provider\":{\"allow_fallbacks\":true}")));
        assertEquals(broken, judge(policy, chat("\"provider\":{\"allow_fallbacks\":\"false\"}")),
                "a string is not the boolean OpenRouter reads");
        assertEquals(broken, judge(policy, chat("\"models\":[\"openai/gpt-4o\",\"anthropic/claude-3-haiku\"],"
                + "\"provider\":{\"allow_fallbacks\":false}")), "a models list is a fallback of its own");
        assertEquals(none(), judge(policy, chat("\"models\":[],\"provider\":{\"allow_fallbacks\":false}")),
                "an empty models list names no fallback");
    }

    // data-collection-deny

    @Test
    void dataCollectionMustBeDenied() {
        CompliancePolicy policy = requiring(PolicyAction.BLOCK, "data-collection-deny");
        EnumSet<PolicyRule> broken = EnumSet.of(PolicyRule.DATA_COLLECTION_DENY);

        assertEquals(none(), judge(policy, chat("\"provider\":{\"data_collection\":\"deny\"}")));
        assertEquals(none(), judge(policy, chat("\"provider\":{\"data_collection\":\"DENY\"}")));
        assertEquals(broken, judge(policy, chat("\"provider\":{\"data_collection\":\"allow\"}")));
        assertEquals(broken, judge(policy, chat("\"provider\":{}")));
        assertEquals(broken, judge(policy, chat("")));
        assertEquals(broken, judge(policy, chat("\"data_collection\":\"deny\"")),
                "only the provider object's member routes");
    }

    // zdr

    @Test
    void zeroDataRetentionMustBeAskedFor() {
        CompliancePolicy policy = requiring(PolicyAction.BLOCK, "zdr");
        EnumSet<PolicyRule> broken = EnumSet.of(PolicyRule.ZDR);

        assertEquals(none(), judge(policy, chat("\"provider\":{\"zdr\":true}")));
        assertEquals(broken, judge(policy, chat("\"provider\":{\"zdr\":false}")));
        assertEquals(broken, judge(policy, chat("\"provider\":{\"zdr\":\"true\"}")));
        assertEquals(broken, judge(policy, chat("")));
    }

    // no-free

    @Test
    void noFreeModelAsTheModelOrAnyFallback() {
        CompliancePolicy policy = requiring(PolicyAction.BLOCK, "no-free");
        EnumSet<PolicyRule> broken = EnumSet.of(PolicyRule.NO_FREE);

        assertEquals(none(), judge(policy, chat("")));
        assertEquals(broken, judge(policy, "{\"model\":\"meta-llama/llama-3.3-70b-instruct:free\"," + MESSAGES + "}"));
        assertEquals(broken, judge(policy, "{\"model\":\"meta-llama/llama-3.3-70b-instruct:FREE\"," + MESSAGES + "}"));
        assertEquals(broken, judge(policy, chat("\"models\":[\"openai/gpt-4o\",\"deepseek/deepseek-r1:free\"]")));
        assertEquals(broken, judge(policy, "{\"models\":[\"anthropic/claude-3-haiku\",\"google/gemma-3-27b-it:free\"],"
                + MESSAGES + "}"), "models without model: every entry is requested");
        assertEquals(none(), judge(policy, "{\"model\":\"acme/free-model\"," + MESSAGES + "}"),
                "only the :free variant is a free model");
    }

    // the model list

    @Test
    void everyRequestedModelMustBeAllowed() {
        CompliancePolicy policy = PolicyFixtures.models("anthropic/*", "openai/gpt-4o");
        EnumSet<PolicyRule> broken = EnumSet.of(PolicyRule.MODEL);

        assertEquals(none(), judge(policy, chat("")));
        assertEquals(none(), judge(policy, chat("\"models\":[\"openai/gpt-4o\",\"anthropic/claude-3-haiku\"]")));
        assertEquals(broken, judge(policy, chat("\"models\":[\"openai/gpt-4o\",\"mistralai/mistral-large\"]")),
                "a fallback outside the list may serve the call");
        assertEquals(broken, judge(policy, "{\"model\":\"openai/gpt-4o-mini\"," + MESSAGES + "}"));
        assertEquals(broken, judge(policy, "{\"models\":[\"anthropic/claude-3-haiku\",\"openai/o1\"]," + MESSAGES + "}"));
    }

    @Test
    void anEmptyModelListAllowsAnyModel() {
        CompliancePolicy policy = requiring(PolicyAction.BLOCK, "zdr");

        assertEquals(none(), judge(policy, "{\"model\":\"whoever/whatever\",\"provider\":{\"zdr\":true}}"));
    }

    @Test
    void theModelRuleAndTheRequestRulesAddUp() {
        CompliancePolicy policy = new CompliancePolicy(List.of("anthropic/*"), List.of(), List.of(ALL_REQUEST_RULES),
                null, PolicyAction.BLOCK);

        assertEquals(EnumSet.of(PolicyRule.MODEL, PolicyRule.MAX_TOKENS, PolicyRule.NO_FALLBACKS,
                        PolicyRule.DATA_COLLECTION_DENY, PolicyRule.ZDR, PolicyRule.NO_FREE),
                judge(policy, "{\"model\":\"deepseek/deepseek-r1:free\"," + MESSAGES + "}"));
    }

    // what cannot be judged

    @Test
    void aBodyThatCannotBeJudgedBreaksNothing() {
        CompliancePolicy policy = new CompliancePolicy(List.of("anthropic/*"), List.of(), List.of(ALL_REQUEST_RULES),
                null, PolicyAction.BLOCK);

        assertEquals(none(), judge(policy, "{\"model\":\"openai/gpt-4o\",\"messages\":["), "cut short");
        assertEquals(none(), judge(policy, "{\"model\":\"openai/gpt-4o\"} trailing"), "garbage after the object");
        assertEquals(none(), judge(policy, "not json"));
        assertEquals(none(), judge(policy, "[]"));
        assertEquals(none(), judge(policy, "{" + MESSAGES + "}"), "no model: nothing generates");
        assertEquals(none(), judge(policy, "{}"));
        assertEquals(none(), policy.requestViolations(CHAT, null));
        assertEquals(none(), policy.requestViolations(null, null));
    }

    // the served provider

    @Test
    void theServedProviderMustBeInTheListWhateverItsCase() {
        CompliancePolicy policy = PolicyFixtures.providers("OpenAI", "Google AI Studio");

        assertTrue(policy.providerAllowed("OpenAI"));
        assertTrue(policy.providerAllowed("openai"));
        assertTrue(policy.providerAllowed("GOOGLE AI STUDIO"));
        assertFalse(policy.providerAllowed("Anthropic"));
        assertFalse(policy.providerAllowed("Google"));
        assertTrue(policy.providerAllowed(null), "an unnamed provider cannot be judged");
    }

    @Test
    void anEmptyProviderListAllowsAnyProvider() {
        CompliancePolicy policy = requiring(PolicyAction.BLOCK, "zdr");

        assertTrue(policy.providerAllowed("Anyone"));
        assertTrue(policy.providerAllowed(null));
    }

    @Test
    void theProviderIsNeverARequestViolation() {
        CompliancePolicy policy = PolicyFixtures.providers("OpenAI");

        assertEquals(none(), judge(policy, chat("\"provider\":{\"order\":[\"Anthropic\"]}")));
    }

    // what the policy asks of the instrumentation

    @Test
    void bodiesAreReadBeforeSendingOnlyToBlockOnTheirContent() {
        assertTrue(requiring(PolicyAction.BLOCK, "max-tokens").judgesBodiesBeforeSending());
        assertTrue(new CompliancePolicy(List.of("anthropic/*"), List.of(), List.of(), null, PolicyAction.BLOCK)
                .judgesBodiesBeforeSending());
        assertFalse(requiring(PolicyAction.FLAG, "max-tokens").judgesBodiesBeforeSending(),
                "flag mode judges the body once the record is made");
        assertFalse(new CompliancePolicy(List.of(), List.of("OpenAI"), List.of(), new BigDecimal("5"),
                PolicyAction.BLOCK).judgesBodiesBeforeSending(), "the provider and the budget need no body");
    }

    @Test
    void anEmptyPolicyIsEmptyAndAnyRuleMakesItNot() {
        assertTrue(requiring(PolicyAction.BLOCK).isEmpty());
        assertFalse(requiring(PolicyAction.FLAG, "zdr").isEmpty());
        assertFalse(PolicyFixtures.models("a/*").isEmpty());
        assertFalse(PolicyFixtures.providers("OpenAI").isEmpty());
        assertFalse(PolicyFixtures.budget("0", PolicyAction.FLAG).isEmpty());
    }

    @Test
    void onlyBlockModeBlocks() {
        assertTrue(requiring(PolicyAction.BLOCK).blocks());
        assertFalse(requiring(PolicyAction.FLAG).blocks());
    }

    @Test
    void unknownRequireNamesAreIgnoredNotFatal() {
        CompliancePolicy policy = requiring(PolicyAction.BLOCK, "max_tokens", "model", "zdr");

        assertEquals(EnumSet.of(PolicyRule.ZDR), judge(policy, chat("")),
                "'model' names a rule but it is not a request rule to require");
    }
}
