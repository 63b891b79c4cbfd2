package io.genesis.payments;

import io.genesis.payments.store.LedgerTx;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumSet;

/**
 * How long a payment may wait for a human: {@code genesis.payments.approval-timeout-minutes} (fractions allowed).
 * A payment PENDING_APPROVAL for longer becomes EXPIRED ({@value #ERROR_CODE}) and its reservation is released,
 * by the {@link PaymentSweeper} or by a decision that arrives too late, whichever comes first; both go through the
 * same guarded transition, so the budget is given back once.
 */
@ApplicationScoped
public class ApprovalTimeout {

    /** {@code error_code} of a payment whose approval timed out. */
    public static final String ERROR_CODE = "APPROVAL_TIMEOUT";
    static final String ACTOR = "approval-timeout";
    private static final double MAX_MINUTES = 366 * 24 * 60;

    @Inject
    @ConfigProperty(name = "genesis.payments.approval-timeout-minutes")
    double minutes;

    private Duration timeout;

    @PostConstruct
    void check() {
        timeout = duration(minutes);
    }

    /** The timeout of {@code minutes}; refuses zero, negative, non-finite and absurd (over a year) values. */
    static Duration duration(double minutes) {
        if (!(minutes > 0) || minutes > MAX_MINUTES) {
            throw new IllegalStateException("genesis.payments.approval-timeout-minutes must be more than 0 and at most "
                    + (long) MAX_MINUTES + " (a year), not " + minutes);
        }
        return Duration.ofMillis(Math.max(1, Math.round(minutes * 60_000)));
    }

    /** Who/why text of an expiry: {@code approval timed out after 60 minutes}. */
    static String reason(double minutes) {
        return "approval timed out after " + BigDecimal.valueOf(minutes).stripTrailingZeros().toPlainString() + " minutes";
    }

    public Duration timeout() {
        return timeout;
    }

    public String reason() {
        return reason(minutes);
    }

    /**
     * Expires the payment of {@code tx} if it has been awaiting approval for longer than the timeout (locking it
     * first), releasing its reservation; false when it is not overdue or no longer pending.
     */
    boolean expireIfOverdue(LedgerTx tx) {
        if (!tx.pendingApprovalLongerThan(timeout)) {
            return false;
        }
        String reason = reason();
        tx.transition(EnumSet.of(PaymentStatus.PENDING_APPROVAL), PaymentStatus.EXPIRED, ACTOR, reason, new LedgerTx.Changes()
                .now("expired_at").set("error_code", ERROR_CODE).set("error_category", "EXPIRED_PAYMENT")
                .set("error_message", reason + " without a decision; its budget was released"));
        tx.release();
        return true;
    }

    /** Whether {@code payment} is one whose approval timed out (not an authorization that expired uncaptured). */
    public static boolean timedOut(Payment payment) {
        return payment.paymentStatus() == PaymentStatus.EXPIRED && ERROR_CODE.equals(payment.errorCode());
    }
}
