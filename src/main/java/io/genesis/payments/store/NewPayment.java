package io.genesis.payments.store;

import io.genesis.payments.PurchaseMode;

import java.math.BigInteger;

/**
 * The first row of a payment attempt, in the parts it is made of: which attempt it is, who pays, the resource asked
 * for, the vendor's quote as chosen (verbatim wire objects included) and how it will be settled.
 */
public record NewPayment(Identity identity, Payer payer, Resource resource, Quote quote, Settlement settlement) {

    /** The attempt: its id, idempotency key and request hash, CHARGE or REFUND, and the charge a refund gives back. */
    public record Identity(String id, String idempotencyKey, String requestHash, String kind, String parentPaymentId) {
    }

    /** Who pays: tenant, business, agent and task, the purchase mode, the open mandate and the paying wallet. */
    public record Payer(String tenantId, PurchaseMode mode, String businessId, String agentId, String taskId, String mandateId,
                        String wallet) {
    }

    /** The paid resource as the agent asked for it, and why. */
    public record Resource(String vendorId, String vendorUrl, String httpMethod, String fingerprint, String requestBody,
                           String purpose, String description, String mimeType) {
    }

    /** The requirements chosen from the vendor's 402: version, scheme, network, asset, payee, amount and the wire JSON. */
    public record Quote(int x402Version, String scheme, String network, String asset, int assetDecimals, String payTo,
                        BigInteger amountAtomic, long requestedCents, Integer maxTimeoutSeconds, String paymentRequiredJson,
                        String requirementsJson) {
    }

    /** How it settles: the EIP-3009 nonce, the facilitator, and whether the money is simulated. */
    public record Settlement(String authNonce, String facilitatorUrl, boolean simulated) {
    }
}
