package io.genesis.businesses.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/businesses/{id}/approvals/{task_id}}: {@code {"decision": "approve"|"reject",
 * "comment": "..."}}. {@code decided_by} is still read from older clients and ignored: who decided is the token's
 * subject. Any other member, or a value of the wrong JSON type, is a 400 naming the field.
 */
public record ApprovalDecision(
        @NotNull(message = DECISION_RULE) @Pattern(regexp = "approve|reject", message = DECISION_RULE) String decision,
        @Size(max = MAX_COMMENT, message = "must be at most {max} characters") String comment,
        @Size(max = MAX_COMMENT, message = "must be at most {max} characters") String decidedBy) {

    static final String DECISION_RULE = "must be \"approve\" or \"reject\"";
    static final int MAX_COMMENT = 2000;

    boolean approves() {
        return "approve".equals(decision);
    }
}
