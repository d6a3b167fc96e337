package io.openrouteraudit.policy;

import io.openrouteraudit.config.AuditConfig;
import io.openrouteraudit.config.PolicyAction;
import io.openrouteraudit.openrouter.RequestFacts;
import io.openrouteraudit.openrouter.Routing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The team's rules from {@code policy.*}, as pure checks of what a request asked for and what
 * served it. Only requests that name a model are judged: a call that cannot generate (the model
 * list, a generation lookup) breaks no rule of a generation policy.
 */
public final class CompliancePolicy {

    private static final String FREE_SUFFIX = ":free";

    private final ModelPatterns models;
    private final Set<String> providers;
    private final EnumSet<PolicyRule> required;
    private final BigDecimal dailyBudgetUsd;
    private final PolicyAction action;

    CompliancePolicy(List<String> models, List<String> providers, List<String> required,
                     BigDecimal dailyBudgetUsd, PolicyAction action) {
        this.models = new ModelPatterns(models);
        this.providers = new HashSet<>();
        for (String provider : providers) {
            this.providers.add(provider.toLowerCase(Locale.ROOT));
        }
        this.required = EnumSet.noneOf(PolicyRule.class);
        for (String name : required) {
            PolicyRule rule = PolicyRule.named(name);
            if (rule != null) {
                this.required.add(rule);
            }
        }
        this.dailyBudgetUsd = dailyBudgetUsd;
        this.action = action;
    }

    public static CompliancePolicy from(AuditConfig config) {
        return new CompliancePolicy(config.policyModels(), config.policyProviders(), config.policyRequire(),
                config.policyDailyBudgetUsd(), config.policyAction());
    }

    /** No rule at all: nothing to check on any call. */
    public boolean isEmpty() {
        return models.isEmpty() && providers.isEmpty() && required.isEmpty() && dailyBudgetUsd == null;
    }

    /** {@code policy.action=block}. */
    public boolean blocks() {
        return action == PolicyAction.BLOCK;
    }

    /** Whether a request's body must be read before it leaves, to refuse it: rules on its content, in block mode. */
    public boolean judgesBodiesBeforeSending() {
        return blocks() && (!models.isEmpty() || !required.isEmpty());
    }

    /** The daily budget, or {@code null} for none. */
    public BigDecimal dailyBudgetUsd() {
        return dailyBudgetUsd;
    }

    /**
     * The request rules this request breaks, and {@link PolicyRule#MODEL}: everything that can
     * be known before a byte leaves. Empty for a body that is not a well-formed request naming
     * a model, which cannot be judged.
     *
     * @param path the URL path, e.g. {@code /api/v1/embeddings}, where a token limit means nothing
     */
    public EnumSet<PolicyRule> requestViolations(String path, RequestFacts request) {
        EnumSet<PolicyRule> broken = EnumSet.noneOf(PolicyRule.class);
        if (request == null || request.parseError() || request.model() == null) {
            return broken;
        }
        List<String> requested = requestedModels(request);
        Routing routing = request.routing();
        if (!models.isEmpty()) {
            for (String model : requested) {
                if (!models.allows(model)) {
                    broken.add(PolicyRule.MODEL);
                }
            }
        }
        for (PolicyRule rule : required) {
            if (breaks(rule, path, routing, requested)) {
                broken.add(rule);
            }
        }
        return broken;
    }

    /** Whether the provider that served a call is allowed; an unnamed provider cannot be judged. */
    public boolean providerAllowed(String provider) {
        return providers.isEmpty() || provider == null || providers.contains(provider.toLowerCase(Locale.ROOT));
    }

    private static boolean breaks(PolicyRule rule, String path, Routing routing, List<String> requested) {
        return switch (rule) {
            case MAX_TOKENS -> routing.maxTokens() == null && !isEmbeddings(path);
            case NO_FALLBACKS -> routing.models() != null && !routing.models().isEmpty()
                    || !Boolean.FALSE.equals(routing.allowFallbacks());
            case DATA_COLLECTION_DENY -> !"deny".equalsIgnoreCase(routing.dataCollection());
            case ZDR -> !Boolean.TRUE.equals(routing.zdr());
            case NO_FREE -> anyFree(requested);
            default -> false;
        };
    }

    private static boolean isEmbeddings(String path) {
        return path != null && path.endsWith("/embeddings");
    }

    private static boolean anyFree(List<String> requested) {
        for (String model : requested) {
            if (model.toLowerCase(Locale.ROOT).endsWith(FREE_SUFFIX)) {
                return true;
            }
        }
        return false;
    }

    /** {@code model} and every entry of {@code models}: a fallback may serve any of them. */
    private static List<String> requestedModels(RequestFacts request) {
        List<String> requested = new ArrayList<>();
        requested.add(request.model());
        List<String> fallbacks = request.routing().models();
        if (fallbacks != null) {
            for (String model : fallbacks) {
                if (model != null && !requested.contains(model)) {
                    requested.add(model);
                }
            }
        }
        return requested;
    }
}
