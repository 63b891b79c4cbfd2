package io.genesis.businesses;

import io.genesis.runtime.Broadcasts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.function.Consumer;

/**
 * "Business X changed" (a transition, a task status) told to every worker after the change is committed, through the
 * runtime's broadcast stream {@value #CHANNEL}. The notice carries only the id: PostgreSQL stays the truth, and
 * whoever listens (the event streams) re-reads it, so a lost notice delays a stream and never corrupts it.
 */
@ApplicationScoped
public class BusinessChangeNotices {

    static final String CHANNEL = "business-events";
    private static final String BUSINESS_ID = "business_id";

    @Inject
    Broadcasts broadcasts;

    /** Called once per changed business by the transaction that changed it, after its commit. */
    public void changed(String businessId) {
        broadcasts.publish(CHANNEL, Map.of(BUSINESS_ID, businessId));
    }

    /** {@code listener} hears the id of every business changed on any worker from now on. */
    public void subscribe(Consumer<String> listener) {
        broadcasts.subscribe(CHANNEL, notice -> {
            String businessId = notice.get(BUSINESS_ID);
            if (businessId != null) {
                listener.accept(businessId);
            }
        });
    }
}
