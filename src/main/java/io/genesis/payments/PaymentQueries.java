package io.genesis.payments;

import io.genesis.payments.store.PaymentStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/** Reads payments as the API shows them: one with its decisions and events, or a filtered list (newest first). */
@ApplicationScoped
public class PaymentQueries {

    /** List filters; null or blank members do not filter. */
    public record Filter(String businessId, String agentId, String taskId, String status, String vendorId, String kind) {
    }

    @Inject
    ApprovalTimeout approvalTimeout;

    @Inject
    PaymentStore store;

    /**
     * The payment row with its wire objects but without decisions and events (one query instead of three): what the
     * purchase steps work from; answers to clients use {@link #find}.
     */
    public Optional<Payment> findWithoutHistory(String paymentId) {
        return store.row(paymentId).map(row -> Payment.detail(row, List.of(), List.of(), null));
    }

    public Optional<Payment> find(String paymentId) {
        PaymentStore.History history = store.history(paymentId);
        return store.row(paymentId).map(row -> Payment.detail(row, history.decisions(), history.events(), approvalTimeout.timeout()));
    }

    public List<Payment> list(Filter filter, int limit) {
        return store.rows(filter, limit).stream().map(row -> Payment.summary(row, approvalTimeout.timeout())).toList();
    }
}
