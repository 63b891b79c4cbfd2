package io.genesis.payments;

import io.genesis.api.JsonConventions;
import jakarta.json.JsonValue;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An agent's request to buy a paid resource: who pays (tenant, business, agent, task), what for ({@code purpose}),
 * the resource ({@code method} + {@code vendorUrl} + optional JSON {@code body}), how ({@code mode}) and an optional
 * cap of the caller's own. {@link #validated} refuses bad input with an {@link InvalidPaymentRequest} naming the field.
 */
public record PurchaseRequest(String idempotencyKey, String tenantId, String businessId, String agentId, String taskId,
                              String purpose, PurchaseMode mode, String method, URI vendorUrl, JsonValue body,
                              Long maxAmountCents) {

    public static final String IDEMPOTENCY_KEY_FIELD = "Idempotency-Key";
    /** x402 payment-identifier rules, so the key can travel as one. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{16,128}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final List<String> METHODS = List.of("GET", "POST");

    /**
     * Checks and normalises raw input; {@code absurdCents} is the largest cap anyone may ask for. A missing or malformed
     * field is {@link InvalidPaymentRequest#malformed}, a well-formed but impossible value
     * {@link InvalidPaymentRequest#unprocessable}; nothing has been written when it throws.
     */
    public static PurchaseRequest validated(String idempotencyKey, String tenantId, String businessId, String agentId,
                                            String taskId, String purpose, String mode, String method, String vendorUrl,
                                            JsonValue body, Long maxAmountCents, long absurdCents) {
        return validated(idempotencyKey, tenantId, businessId, agentId, taskId, purpose, mode, method, vendorUrl, body,
                maxAmountCents, "max_amount_cents", absurdCents);
    }

    /** {@link #validated} where the cap was given under {@code capField} (its alias {@code amount_cents}, say). */
    public static PurchaseRequest validated(String idempotencyKey, String tenantId, String businessId, String agentId,
                                            String taskId, String purpose, String mode, String method, String vendorUrl,
                                            JsonValue body, Long maxAmountCents, String capField, long absurdCents) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw InvalidPaymentRequest.malformed(IDEMPOTENCY_KEY_FIELD, "Idempotency-Key header is required: purchases are retried safely only with one");
        }
        if (!KEY.matcher(idempotencyKey).matches()) {
            throw InvalidPaymentRequest.malformed(IDEMPOTENCY_KEY_FIELD, "Idempotency-Key must be 16-128 characters of letters, digits, '_' or '-'");
        }
        requireId(businessId, "business_id", true);
        requireId(agentId, "agent_id", true);
        requireId(taskId, "task_id", false);
        if (purpose != null && purpose.length() > 1024) {
            throw InvalidPaymentRequest.malformed("purpose", "purpose must be at most 1024 characters");
        }
        PurchaseMode purchaseMode;
        try {
            purchaseMode = mode == null ? PurchaseMode.ONE_SHOT : PurchaseMode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidPaymentRequest.unprocessable("mode", "mode must be ONE_SHOT or STAGED, not " + mode);
        }
        String httpMethod = method == null ? "POST" : method.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(httpMethod)) {
            throw InvalidPaymentRequest.unprocessable("method", "method must be GET or POST, not " + method);
        }
        URI url = VendorUrl.normalised(vendorUrl);
        if (maxAmountCents != null && (maxAmountCents <= 0 || maxAmountCents > absurdCents)) {
            throw InvalidPaymentRequest.unprocessable(capField, capField + " must be between 1 and " + absurdCents + " (US cents), not "
                    + maxAmountCents);
        }
        return new PurchaseRequest(idempotencyKey, tenantId, businessId, agentId, taskId, purpose, purchaseMode, httpMethod, url,
                body == null || body == JsonValue.NULL ? null : body, maxAmountCents);
    }

    private static void requireId(String value, String name, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw InvalidPaymentRequest.malformed(name, name + " is required");
            }
            return;
        }
        if (!ID.matcher(value).matches()) {
            throw InvalidPaymentRequest.malformed(name, name + " must be 1-64 characters of letters, digits, '.', '_', ':' or '-'");
        }
    }

    /** SHA-256 over what makes two requests the same purchase (not the key itself). */
    public String hash() {
        return PaymentIds.sha256Hex(JsonConventions.json().createArrayBuilder().add(String.valueOf(tenantId)).add(businessId).add(agentId)
                .add(String.valueOf(taskId)).add(String.valueOf(purpose)).add(mode.name()).add(method).add(vendorUrl.toString())
                .add(body == null ? JsonValue.NULL : body).add(maxAmountCents == null ? "" : maxAmountCents.toString())
                .build().toString());
    }

    /** SHA-256 over method, URL and body: the same request to the vendor, for duplicate detection. */
    public String fingerprint() {
        return PaymentIds.sha256Hex(method + " " + vendorUrl + "\n" + (body == null ? "" : body.toString()));
    }

    public String bodyText() {
        return body == null ? null : body.toString();
    }
}
