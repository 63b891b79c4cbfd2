package io.genesis.payments;

import io.genesis.api.JsonConventions;
import io.genesis.payments.store.LedgerTx;
import io.genesis.payments.store.PaymentLedger;
import io.genesis.payments.x402.Authorization;
import io.genesis.payments.x402.FacilitatorAnswer;
import io.genesis.payments.x402.PaymentRequirements;
import io.genesis.payments.x402.X402;
import io.genesis.payments.x402.X402Version;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The steps one-shot and staged payments share: signing the EIP-3009 authorization into a {@code PaymentPayload},
 * and recording a settlement, a failure or a void together with what it does to the budget reservation.
 */
@ApplicationScoped
public class PaymentSteps {

    private static final Logger LOG = Logger.getLogger(PaymentSteps.class.getName());
    /** Reference client convention: an authorization is valid from ten minutes ago (clock skew). */
    private static final long VALID_AFTER_SKEW_SECONDS = 600;

    @Inject
    PaymentLedger ledger;

    @Inject
    PaymentQueries queries;

    @Inject
    AgentWallets wallets;

    /** A signed payload, the requirements it answers, and its authorization window. */
    public record Signed(JsonObject payload, JsonObject requirements, Authorization authorization) {

        LedgerTx.Changes changes() {
            return new LedgerTx.Changes().json("payload_json", payload.toString())
                    .set("valid_after", authorization.validAfter()).set("valid_before", authorization.validBefore());
        }
    }

    /** The payment as a client sees it: row, wire objects, decisions and events (a step of the ledger's own: any tenant). */
    public Payment load(String paymentId) {
        return load(TenantScope.every(), paymentId);
    }

    /** The same when it is in {@code scope}; another tenant's payment is {@link PaymentNotFound}, as a missing one. */
    public Payment load(TenantScope scope, String paymentId) {
        return queries.find(scope, paymentId).orElseThrow(() -> new PaymentNotFound(paymentId));
    }

    /** The payment's row and wire objects, without its decisions and events: enough for the next step. */
    public Payment current(String paymentId) {
        return queries.findWithoutHistory(paymentId)
                .orElseThrow(() -> new PaymentNotFound(paymentId));
    }

    /**
     * The {@code PaymentPayload} for an approved payment, in the version the vendor quoted in: an authorization for
     * exactly the amount with the payment's own nonce, signed by the agent's wallet (EIP-712, secp256k1). v2 carries
     * its requirements verbatim as {@code accepted}, the vendor's resource and extensions echoed and, for a simulated
     * payment, the {@code simulated: true} label; v1 is {@code {x402Version: 1, scheme, network, payload}} with the
     * vendor's network name.
     */
    public Signed sign(Payment payment) {
        JsonObject requirementsJson = payment.requirements().asJsonObject();
        JsonObject required = payment.paymentRequired().asJsonObject();
        PaymentRequirements requirements = PaymentRequirements.read(requirementsJson, payment.wireVersion());
        long now = Instant.now().getEpochSecond();
        Authorization authorization = new Authorization(payment.payer(), requirements.payTo(), requirements.amount(),
                now - VALID_AFTER_SKEW_SECONDS, now + requirements.maxTimeoutSeconds(), payment.authNonce());
        String signature = wallets.sign(payment.agentId(), authorization, requirements.network(), requirements.asset(),
                requirements.domainName(), requirements.domainVersion());
        JsonObject signed = JsonConventions.json().createObjectBuilder().add("signature", signature)
                .add("authorization", authorization.toJson()).build();
        if (requirements.version() == X402Version.V1) {
            return new Signed(JsonConventions.json().createObjectBuilder().add("x402Version", X402Version.V1.number())
                    .add("scheme", requirements.scheme()).add("network", requirements.wireNetwork()).add("payload", signed).build(),
                    requirementsJson, authorization);
        }
        JsonObjectBuilder extensions = JsonConventions.json().createObjectBuilder(required.containsKey("extensions")
                ? required.getJsonObject("extensions") : JsonObject.EMPTY_JSON_OBJECT);
        if (payment.simulated()) {
            extensions.add("simulated", JsonConventions.json().createObjectBuilder().add("info", JsonConventions.json().createObjectBuilder()
                    .add("simulated", true)
                    .add("wallet", "simulated: derived from the simulation seed, worthless on any chain")));
        }
        JsonObject payload = JsonConventions.json().createObjectBuilder()
                .add("x402Version", X402.VERSION)
                .add("resource", required.getJsonObject("resource"))
                .add("accepted", requirementsJson)
                .add("payload", signed)
                .add("extensions", extensions)
                .build();
        return new Signed(payload, requirementsJson, authorization);
    }

    /** Records a settlement answer for a payment in {@code from}: CAPTURED (spend committed) or FAILED (released). */
    public void settled(String paymentId, Set<PaymentStatus> from, FacilitatorAnswer answer, String actor) {
        Payment payment = current(paymentId);
        long cents = payment.requestedCents().longValue();
        if (answer.ok()) {
            ledger.inTransaction(paymentId, tx -> {
                tx.transition(from, PaymentStatus.CAPTURED, actor, answer.transaction() == null ? "settled (transaction hash unknown)"
                        : "settled in " + answer.transaction(), new LedgerTx.Changes()
                        .set("tx_hash", answer.transaction())
                        .json("settle_response_json", answer.json().toString())
                        .set("settled_amount_atomic", new BigDecimal(payment.amountAtomic()))
                        .add("captured_cents", cents)
                        .add("cost_cents", cents)
                        .now("captured_at"));
                tx.commit();
                return null;
            });
            LOG.info("Payment " + paymentId + " captured: " + cents + " cents from " + payment.agentId() + " to " + payment.vendorId()
                    + " (business " + payment.businessId() + ", tx " + answer.transaction() + ")");
        } else {
            fail(paymentId, from, answer.reason(), "settlement failed: " + answer.reason(), actor,
                    new LedgerTx.Changes().json("settle_response_json", answer.json().toString()));
        }
    }

    /** Moves the payment to FAILED with an x402 reason and releases its reservation. */
    public void fail(String paymentId, Set<PaymentStatus> from, String code, String message, String actor, LedgerTx.Changes changes) {
        String reason = code == null ? "unexpected_settle_error" : code;
        ledger.inTransaction(paymentId, tx -> {
            tx.transition(from, PaymentStatus.FAILED, actor, message, changes.set("error_code", reason)
                    .set("error_category", ErrorCategory.of(reason)).set("error_message", truncate(message)));
            tx.release();
            return null;
        });
        LOG.warning("Payment " + paymentId + " failed: " + message);
    }

    /** Moves an authorized (never settled) payment to VOIDED and releases its reservation. */
    public void voided(String paymentId, Set<PaymentStatus> from, String reason, String actor) {
        ledger.inTransaction(paymentId, tx -> {
            tx.transition(from, PaymentStatus.VOIDED, actor, reason, new LedgerTx.Changes().now("voided_at")
                    .set("error_message", truncate(reason)));
            tx.release();
            return null;
        });
        LOG.info("Payment " + paymentId + " voided: " + reason);
    }

    static final Set<PaymentStatus> SENDING = EnumSet.of(PaymentStatus.CAPTURING);

    private static String truncate(String text) {
        return text == null || text.length() <= 1024 ? text : text.substring(0, 1023) + "…";
    }
}
