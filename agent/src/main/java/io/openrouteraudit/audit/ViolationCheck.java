package io.openrouteraudit.audit;

import io.openrouteraudit.capture.Exchange;
import io.openrouteraudit.openrouter.RequestFacts;
import java.util.List;

/** Names the policy rules an exchange broke, for its record's {@code policy_violations}. */
public interface ViolationCheck {

    /** No policy: nothing is ever broken. */
    ViolationCheck NONE = (exchange, request, provider) -> exchange.admissionViolations();

    /**
     * @param request  the parsed request body
     * @param provider the provider that served it, per the response, or {@code null}
     * @return rule names in a stable order, including those the exchange broke when it left
     */
    List<String> violations(Exchange exchange, RequestFacts request, String provider);
}
