package io.genesis.payments.policy;

import java.time.Instant;
import java.util.Set;

/**
 * Everything the rules look at for one purchase. {@code mandate} is null when the agent holds no open mandate for
 * the business; {@code vendorId} and {@code registeredPayTo} are null when the URL matches no catalogued vendor;
 * {@code requestMaxCents} is the caller's own cap, if any.
 */
public record PurchaseFacts(String agentId, String businessId, Instant now, MandateTerms mandate, int x402Version,
                            String scheme, String network, String asset, String vendorId, String vendorUrl,
                            Set<String> agentWhitelist, String payTo, String registeredPayTo, String purpose,
                            long amountCents, Long requestMaxCents, long agentDailyLimitCents, long businessLimitCents,
                            String fingerprint, String payer, String nonce) {

    public PurchaseFacts {
        agentWhitelist = Set.copyOf(agentWhitelist);
    }

    /** The same facts with the mandate as it stands now (it may have been revoked since they were gathered). */
    public PurchaseFacts withMandate(MandateTerms current) {
        return new PurchaseFacts(agentId, businessId, now, current, x402Version, scheme, network, asset, vendorId, vendorUrl,
                agentWhitelist, payTo, registeredPayTo, purpose, amountCents, requestMaxCents, agentDailyLimitCents,
                businessLimitCents, fingerprint, payer, nonce);
    }
}
