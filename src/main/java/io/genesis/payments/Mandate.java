package io.genesis.payments;

import io.genesis.payments.store.MandateStore;
import jakarta.json.JsonValue;

import java.time.Instant;

/**
 * A payment mandate as the API shows it (snake_case JSON): the AP2 v0.2 credential as issued ({@code mandate}),
 * its status (ACTIVE, REVOKED or CLOSED, authoritative over the {@code status} inside the issued credential), its
 * validity, and who revoked it (the subject of the revoking token) and why. It belongs to one tenant. A closed mandate names its open mandate and its payment.
 */
public record Mandate(String mandateId, String vct, String tenantId, String businessId, String agentId, String issuer, String status,
                      String parentMandateId, String paymentId, Instant issuedAt, Instant notBefore, Instant expiresAt,
                      Instant revokedAt, String revokedBy, String revocationReason, JsonValue mandate) {

    public static final String ACTIVE = "ACTIVE";
    public static final String REVOKED = "REVOKED";
    public static final String CLOSED = "CLOSED";

    public boolean open() {
        return MandateStore.OPEN.equals(vct);
    }
}
