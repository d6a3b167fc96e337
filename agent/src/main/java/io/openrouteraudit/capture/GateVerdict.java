package io.openrouteraudit.capture;

import java.util.List;

/**
 * A {@link RequestGate}'s answer.
 *
 * @param violations rule names the request broke before it left (kept in its record either way)
 * @param refusal    why it must not leave, or {@code null} to let it go
 */
public record GateVerdict(List<String> violations, String refusal) {

    public static final GateVerdict GO = new GateVerdict(List.of(), null);

    public GateVerdict {
        violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public boolean refused() {
        return refusal != null;
    }
}
