package io.genesis.payments;

import io.genesis.runtime.Broadcasts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.function.Consumer;

/**
 * "Payment X changed status" told to every worker after the ledger transaction that changed it commits, through the
 * runtime's broadcast stream {@value #CHANNEL}. Only the id travels: the ledger stays the truth and a listener (the
 * dashboard's live feed) re-reads the payment, so a notice lost to a Redis outage delays a view and never corrupts it.
 */
@ApplicationScoped
public class PaymentChangeNotices {

    static final String CHANNEL = "payment-events";
    private static final String PAYMENT_ID = "payment_id";

    @Inject
    Broadcasts broadcasts;

    /** Called once per changed payment, after its commit; best effort. */
    public void changed(String paymentId) {
        broadcasts.publish(CHANNEL, Map.of(PAYMENT_ID, paymentId));
    }

    /** {@code listener} hears the id of every payment changed on any worker from now on. */
    public void subscribe(Consumer<String> listener) {
        broadcasts.subscribe(CHANNEL, notice -> {
            String paymentId = notice.get(PAYMENT_ID);
            if (paymentId != null) {
                listener.accept(paymentId);
            }
        });
    }
}
