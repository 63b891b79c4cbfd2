package io.genesis.payments;

import io.genesis.api.JsonConventions;
import io.genesis.payments.chain.ChainEndpoint;
import io.genesis.payments.chain.ChainReader;
import io.genesis.payments.chain.SettlementFinding;
import io.genesis.payments.store.LedgerTx;
import io.genesis.payments.x402.FacilitatorAnswer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Settles the fate of a live payment whose settlement answer was lost (CAPTURE_UNKNOWN, {@code simulated = false})
 * by reading the token contract through {@code genesis.payments.rpc-url}: the authorization's nonce used on chain
 * means the vendor settled (CAPTURED, with the transaction when its log is found); unused once the chain's time
 * passed {@code validBefore} means it never will (VOIDED, budget released); unused and still valid waits for the
 * next sweep. Without an RPC URL such payments wait for an operator. A chain other than the payment's network is
 * never asked.
 */
@ApplicationScoped
public class ChainReconciler {

    private static final Logger LOG = Logger.getLogger(ChainReconciler.class.getName());
    private static final Set<PaymentStatus> UNKNOWN = EnumSet.of(PaymentStatus.CAPTURE_UNKNOWN);

    @Inject
    ChainEndpoint endpoint;

    @Inject
    ChainReader chain;

    @Inject
    PaymentSteps steps;

    private volatile Long chainId;

    @PostConstruct
    void announce() {
        if (endpoint.enabled()) {
            LOG.info("Payments: lost settlement answers of live payments are reconciled on chain through " + endpoint.host());
        }
    }

    public boolean enabled() {
        return endpoint.enabled();
    }

    /**
     * Reconciles one CAPTURE_UNKNOWN payment; {@link io.genesis.payments.chain.ChainUnavailable} (or the chain reader's
     * open circuit) leaves it for the next sweep.
     */
    public void reconcile(String paymentId, String actor) {
        Payment payment = steps.current(paymentId);
        String network = "eip155:" + chainId();
        if (!network.equals(payment.network())) {
            LOG.warning("Payment " + paymentId + " was paid on " + payment.network() + " but " + endpoint.host() + " serves " + network
                    + "; it waits for an operator");
            return;
        }
        if (payment.validBefore() == null || payment.payer() == null || payment.authNonce() == null) {
            LOG.warning("Payment " + paymentId + " has no signed authorization on record; it waits for an operator");
            return;
        }
        SettlementFinding finding = chain.find(payment.asset(), payment.payer(), payment.authNonce().trim(), payment.validBefore());
        try {
            if (finding instanceof SettlementFinding.Settled settled) {
                steps.settled(paymentId, UNKNOWN, FacilitatorAnswer.settle(JsonConventions.json().createObjectBuilder()
                        .add("success", true).add("transaction", settled.transaction().orElse("")).add("network", payment.network())
                        .add("payer", payment.payer()).add("reconciled", true).add("block", settled.block()).build()), actor);
            } else if (finding instanceof SettlementFinding.Expired expired) {
                steps.voided(paymentId, UNKNOWN, "authorization unused on chain at block " + expired.block() + " (time "
                        + expired.blockTime() + " >= validBefore " + payment.validBefore() + "): never settled", actor);
            } else {
                LOG.fine(() -> "Payment " + paymentId + ": authorization unused but still valid at block " + finding.block());
            }
        } catch (LedgerTx.StaleState moved) {
            LOG.fine(() -> "Payment " + paymentId + " moved before reconciliation: " + moved.getMessage());
        }
    }

    private long chainId() {
        Long known = chainId;
        if (known == null) {
            known = chain.chainId();
            chainId = known;
        }
        return known;
    }
}
