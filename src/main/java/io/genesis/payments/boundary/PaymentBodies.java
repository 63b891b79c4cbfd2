package io.genesis.payments.boundary;

import io.genesis.payments.InvalidPaymentRequest;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Objects;

/**
 * The request bodies of the payment endpoints as they arrive on the wire: read by JSON-B (snake_case; a member a record
 * does not declare, or a value of the wrong kind, is a 400 naming the field) and checked by Bean Validation. The rules
 * that depend on configuration or on stored state (the absurd-amount cap, known agents, vendor URLs) are the domain's.
 * Members that older clients send and that are deliberately ignored ({@code decided_by}, {@code actor},
 * {@code revoked_by}, {@code updated_by}: who acts is the token's subject) are declared, so they stay accepted.
 */
public final class PaymentBodies {

    static final String BODY_REQUIRED = "is required (a JSON object)";
    private static final String TEXT_RULE = "must be at most {max} characters";
    private static final int MAX_TEXT = 2000;

    private PaymentBodies() {
    }

    /**
     * {@code POST /api/payments}. {@code reason} is another name for {@code purpose} and {@code amount_cents} for
     * {@code max_amount_cents}: either may be given, both only with the same value.
     */
    public record Purchase(String tenantId, String businessId, String agentId, String taskId, String purpose,
                           String reason, String mode, String method, String vendorUrl, JsonValue body,
                           Long maxAmountCents, Long amountCents) {

        String purposeGiven() {
            return either("purpose", "reason", purpose, reason);
        }

        Long capGiven() {
            return either("max_amount_cents", "amount_cents", maxAmountCents, amountCents);
        }

        /** The name the cap came under, for the problems that name it. */
        String capField() {
            return amountCents != null && maxAmountCents == null ? "amount_cents" : "max_amount_cents";
        }
    }

    /** {@code POST /api/payments/{id}/decision}. */
    public record Decision(
            @NotNull(message = "is required: approve or deny")
            @Pattern(regexp = "(?i)approve|deny", message = "must be approve or deny") String decision,
            @Size(max = MAX_TEXT, message = TEXT_RULE) String rationale,
            String decidedBy) {

        boolean approves() {
            return decision.equalsIgnoreCase("approve");
        }
    }

    /** {@code POST /api/payments/{id}/capture}: nothing is needed; a body, if any, is an object. */
    public record Capture(String actor) {
    }

    /** {@code POST /api/payments/{id}/void}. */
    public record VoidAuthorization(@Size(max = MAX_TEXT, message = TEXT_RULE) String reason, String actor) {
    }

    /** {@code POST /api/payments/{id}/refund}: all of the charge when {@code amount_cents} is absent. */
    public record Refund(Long amountCents, @Size(max = MAX_TEXT, message = TEXT_RULE) String reason, String actor) {
    }

    /** {@code POST /api/mandates/{id}/revoke}: the reason is required (its length is checked with the mandate rules). */
    public record Revocation(String reason, String revokedBy) {
    }

    /** {@code PUT /api/budgets/{agent}}. */
    public record BudgetLimit(@NotNull(message = "is required") Long dailyLimitCents, Boolean tenantOnly,
                              String updatedBy) {

        boolean forTenantOnly() {
            return Boolean.TRUE.equals(tenantOnly);
        }
    }

    /** {@code POST /api/businesses/{id}/spend/notifications}: another webhook than the configured one, optionally. */
    public record SpendNotification(String webhookUrl) {
    }

    private static <T> T either(String name, String alias, T value, T aliased) {
        if (value != null && aliased != null && !Objects.equals(value, aliased)) {
            throw InvalidPaymentRequest.malformed(name, name + " and " + alias + " mean the same; give one, or the same value in both");
        }
        return value != null ? value : aliased;
    }
}
