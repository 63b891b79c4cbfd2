package io.genesis.payments.x402;

import jakarta.json.JsonObject;

/**
 * A facilitator's {@code VerifyResponse} or {@code SettleResponse} (x402 v2 §5.3/5.4), read leniently: {@code ok} is
 * {@code isValid} or {@code success}, {@code reason} the {@code invalidReason} / {@code errorReason}, {@code json}
 * the object exactly as received.
 */
public record FacilitatorAnswer(boolean ok, String reason, String payer, String transaction, String network, JsonObject json) {

    public static FacilitatorAnswer verify(JsonObject json) {
        return new FacilitatorAnswer(json.getBoolean("isValid", false), json.getString("invalidReason", null),
                json.getString("payer", null), null, null, json);
    }

    public static FacilitatorAnswer settle(JsonObject json) {
        String transaction = json.getString("transaction", "");
        return new FacilitatorAnswer(json.getBoolean("success", false), json.getString("errorReason", null),
                json.getString("payer", null), transaction.isEmpty() ? null : transaction, json.getString("network", null), json);
    }
}
