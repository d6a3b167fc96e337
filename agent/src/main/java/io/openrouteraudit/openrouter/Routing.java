package io.openrouteraudit.openrouter;

import java.util.List;

/**
 * The routing constraints a request sent to OpenRouter, exactly as sent. Every member is null when
 * the request did not set it, so policy checks can tell "absent" (OpenRouter's default applies)
 * from an explicit value.
 *
 * @param models         the {@code models} fallback list
 * @param providerOrder  {@code provider.order}
 * @param providerOnly   {@code provider.only}
 * @param providerIgnore {@code provider.ignore}
 * @param allowFallbacks {@code provider.allow_fallbacks}
 * @param dataCollection {@code provider.data_collection} ("allow" or "deny")
 * @param zdr            {@code provider.zdr}
 * @param maxTokens      {@code max_completion_tokens}, else {@code max_tokens}
 */
public record Routing(List<String> models, List<String> providerOrder, List<String> providerOnly,
                      List<String> providerIgnore, Boolean allowFallbacks, String dataCollection,
                      Boolean zdr, Long maxTokens) {

    public Routing {
        models = copy(models);
        providerOrder = copy(providerOrder);
        providerOnly = copy(providerOnly);
        providerIgnore = copy(providerIgnore);
    }

    /** A routing with every member absent. */
    public static Routing none() {
        return new Routing(null, null, null, null, null, null, null, null);
    }

    private static List<String> copy(List<String> list) {
        return list == null ? null : List.copyOf(list);
    }
}
