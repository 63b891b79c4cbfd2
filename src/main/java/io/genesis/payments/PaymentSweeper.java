package io.genesis.payments;

import io.genesis.api.JsonConventions;
import io.genesis.payments.chain.ChainUnavailable;
import io.genesis.payments.sim.SimulatedChainStore;
import io.genesis.payments.store.LedgerTx;
import io.genesis.payments.store.PaymentLedger;
import io.genesis.payments.store.SweepStore;
import io.genesis.payments.x402.FacilitatorAnswer;
import io.genesis.runtime.ServerRole;
import io.genesis.schema.SchemaReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@code genesis.payments.sweep-interval-seconds}: authorizations past their {@code validBefore} become EXPIRED
 * (never settled, budget released), so do approvals nobody decided within the {@link ApprovalTimeout}, and a
 * payment interrupted between two steps is resolved (REQUESTED/APPROVED voided, CAPTURING made CAPTURE_UNKNOWN), a
 * settlement whose answer was lost (CAPTURE_UNKNOWN) is reconciled: a simulated payment against the simulated chain
 * (CAPTURED if the transfer is there, VOIDED once the vendor had time to settle and did not), a live one on the real
 * chain by {@link ChainReconciler} when {@code genesis.payments.rpc-url} is set (x402 has no status query); otherwise it
 * stays for an operator. Safe on many workers: every change is a guarded transition.
 */
@ApplicationScoped
public class PaymentSweeper {

    private static final Logger LOG = Logger.getLogger(PaymentSweeper.class.getName());
    private static final int BATCH = 100;
    private static final String ACTOR = "payment-sweeper";

    @Inject
    SweepStore store;

    @Resource(lookup = "concurrent/genesis/scheduler")
    ManagedScheduledExecutorService scheduler;

    @Inject
    PaymentSettings settings;

    @Inject
    PaymentLedger ledger;

    @Inject
    PaymentSteps steps;

    @Inject
    SimulatedChainStore chain;

    @Inject
    ChainReconciler onChain;

    @Inject
    ApprovalTimeout approvalTimeout;

    @Inject
    @ConfigProperty(name = ServerRole.KEY)
    ServerRole role;

    @Inject
    @ConfigProperty(name = "genesis.payments.sweep-interval-seconds")
    long intervalSeconds;

    @Inject
    @ConfigProperty(name = "genesis.payments.http-timeout-ms")
    long httpTimeoutMs;

    private ScheduledFuture<?> sweeping;

    /** Background work: servers of role api leave it to the workers (any number of them: each sweep claims rows). */
    void start(@Observes SchemaReady ready) {
        if (!role.works()) {
            return;
        }
        sweeping = scheduler.scheduleWithFixedDelay(this::sweep, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (sweeping != null) {
            sweeping.cancel(false);
        }
    }

    void sweep() {
        try {
            for (String id : store.authorizationsPastValidity(BATCH)) {
                expire(id);
            }
            for (String id : store.approvalsOlderThan(approvalTimeout.timeout(), BATCH)) {
                expireApproval(id);
            }
            for (String id : store.interrupted(answerGraceSeconds(), BATCH)) {
                resolveInterrupted(id);
            }
            if (settings.simulated()) {
                for (String id : store.lostAnswers(true, answerGraceSeconds(), BATCH)) {
                    reconcile(id);
                }
            }
            if (onChain.enabled()) {
                reconcileOnChain(store.lostAnswers(false, answerGraceSeconds(), BATCH));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Payment sweep failed; next try in " + intervalSeconds + " s", e);
        }
    }

    private void expire(String paymentId) {
        try {
            ledger.inTransaction(paymentId, tx -> {
                tx.transition(EnumSet.of(PaymentStatus.AUTHORIZED), PaymentStatus.EXPIRED, ACTOR,
                        "authorization passed its validBefore uncaptured", new LedgerTx.Changes().now("expired_at")
                                .set("error_code", "payment_expired").set("error_category", "EXPIRED_PAYMENT"));
                tx.release();
                return null;
            });
            LOG.info("Payment " + paymentId + " expired uncaptured; its budget is released");
        } catch (LedgerTx.StaleState moved) {
            LOG.fine(() -> "Payment " + paymentId + " moved before it could expire: " + moved.getMessage());
        }
    }

    /** Long enough for an answer still on its way (a vendor call, then a facilitator call) to have arrived. */
    private long answerGraceSeconds() {
        return 2 * httpTimeoutMs / 1000 + 1;
    }

    /** Each payment on its own; what the chain could not answer is tried again next sweep, with one warning per sweep. */
    private void reconcileOnChain(List<String> paymentIds) {
        List<String> unanswered = new ArrayList<>();
        RuntimeException first = null;
        for (String id : paymentIds) {
            try {
                onChain.reconcile(id, ACTOR);
            } catch (ChainUnavailable | FaultToleranceException | IllegalArgumentException e) {
                unanswered.add(id);
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            LOG.warning(unanswered.size() + " live payment(s) stay CAPTURE_UNKNOWN (" + String.join(", ", unanswered.subList(0,
                    Math.min(3, unanswered.size()))) + (unanswered.size() > 3 ? ", …" : "") + "): " + first.getMessage());
        }
    }

    private void expireApproval(String paymentId) {
        try {
            if (ledger.inTransaction(paymentId, approvalTimeout::expireIfOverdue)) {
                LOG.info("Payment " + paymentId + " expired awaiting approval (" + approvalTimeout.reason() + "); its budget is released");
            }
        } catch (LedgerTx.StaleState moved) {
            LOG.fine(() -> "Payment " + paymentId + " was decided before its approval could expire: " + moved.getMessage());
        }
    }

    /**
     * A payment interrupted between two steps (a database outage, a worker killed): sent to the vendor or facilitator
     * (CAPTURING), its answer is unknown, so it becomes CAPTURE_UNKNOWN and is reconciled like a lost answer; not sent yet
     * (REQUESTED, APPROVED), nothing moved, so it is voided and its budget released.
     */
    private void resolveInterrupted(String paymentId) {
        Payment payment = steps.current(paymentId);
        try {
            if (payment.paymentStatus() == PaymentStatus.CAPTURING) {
                ledger.inTransaction(paymentId, tx -> {
                    tx.transition(EnumSet.of(PaymentStatus.CAPTURING), PaymentStatus.CAPTURE_UNKNOWN, ACTOR,
                            "no answer recorded: interrupted after sending; reconciled on the chain", new LedgerTx.Changes());
                    return null;
                });
            } else {
                steps.voided(paymentId, EnumSet.of(PaymentStatus.REQUESTED, PaymentStatus.APPROVED),
                        "interrupted before anything was sent (" + payment.status() + ")", ACTOR);
            }
            LOG.info("Payment " + paymentId + " was interrupted while " + payment.status() + "; resolved by the sweeper");
        } catch (LedgerTx.StaleState moved) {
            LOG.fine(() -> "Payment " + paymentId + " moved before the sweeper resolved it: " + moved.getMessage());
        }
    }

    private void reconcile(String paymentId) {
        Payment payment = steps.current(paymentId);
        Optional<String> transfer = chain.find(payment.network(), payment.asset(), payment.payer(), payment.authNonce());
        EnumSet<PaymentStatus> unknown = EnumSet.of(PaymentStatus.CAPTURE_UNKNOWN);
        try {
            if (transfer.isPresent()) {
                steps.settled(paymentId, unknown, FacilitatorAnswer.settle(JsonConventions.json().createObjectBuilder().add("success", true)
                        .add("transaction", transfer.get()).add("network", payment.network()).add("payer", payment.payer())
                        .add("reconciled", true).build()), ACTOR);
            } else {
                steps.voided(paymentId, unknown, "no settlement on the simulated chain after the vendor's time ran out", ACTOR);
            }
        } catch (LedgerTx.StaleState moved) {
            LOG.fine(() -> "Payment " + paymentId + " moved before reconciliation: " + moved.getMessage());
        }
    }
}
