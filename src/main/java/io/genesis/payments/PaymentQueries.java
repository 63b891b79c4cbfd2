package io.genesis.payments;

import io.genesis.payments.store.PaymentStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/**
 * Reads payments as the API shows them: one with its decisions and events, or a filtered list (newest first), always
 * within a {@link TenantScope}.
 */
@ApplicationScoped
public class PaymentQueries {

    @Inject
    ApprovalTimeout approvalTimeout;

    @Inject
    PaymentStore store;

    /**
     * The payment row with its wire objects but without decisions and events (one query instead of three): what the
     * purchase steps work from; answers to clients use {@link #find}.
     */
    public Optional<Payment> findWithoutHistory(String paymentId) {
        return store.row(TenantScope.every(), paymentId).map(row -> Payment.detail(row, List.of(), List.of(), null));
    }

    /**
     * The payment with its decisions and events. The history is read after the row: a transition commits its event
     * with the status, so the history then holds every event up to the status shown (a transition in between may add
     * one more, never leave one out). Another tenant's payment is as absent as a missing one.
     */
    public Optional<Payment> find(TenantScope scope, String paymentId) {
        return store.row(scope, paymentId).map(row -> {
            PaymentStore.History history = store.history(paymentId);
            return Payment.detail(row, history.decisions(), history.events(), approvalTimeout.timeout());
        });
    }

    public List<Payment> list(TenantScope scope, PaymentStore.Filter filter, int limit) {
        return store.rows(scope, filter, limit).stream().map(row -> Payment.summary(row, approvalTimeout.timeout())).toList();
    }
}
