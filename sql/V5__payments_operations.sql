-- Genesis schema, version 5: operating the payments ledger (V4).
-- Open mandates are revoked through the API (who and why are kept), pending approvals expire after
-- genesis.payments.approval-timeout-minutes (PENDING_APPROVAL -> EXPIRED, budget released), and both are found
-- without scanning every payment. docs/payments.md explains the flows.

ALTER TABLE payment_mandates
    ADD COLUMN revoked_by        VARCHAR(100),
    ADD COLUMN revocation_reason VARCHAR(1024),
    ADD CONSTRAINT payment_mandates_revoked_chk CHECK (status <> 'REVOKED'
        OR (revoked_at IS NOT NULL AND revoked_by IS NOT NULL AND revocation_reason IS NOT NULL));

COMMENT ON COLUMN payment_mandates.revoked_at IS
    'When the open mandate was revoked (POST /api/payments/mandates/{id}/revoke); NULL while it is ACTIVE.';
COMMENT ON COLUMN payment_mandates.revoked_by IS
    'Who revoked the open mandate (revoked_by of the revoke request); NULL unless status is REVOKED.';
COMMENT ON COLUMN payment_mandates.revocation_reason IS
    'Why the open mandate was revoked, as given in the revoke request; NULL unless status is REVOKED. A revoked mandate is never re-issued for its agent and business: their purchases are denied MANDATE_INVALID.';

CREATE INDEX payment_mandates_business_agent_idx ON payment_mandates (business_id, agent_id, created_at DESC);
CREATE INDEX payment_mandates_created_idx ON payment_mandates (created_at DESC);

-- Charges a revocation settles: held approvals are denied, uncaptured authorizations voided.
CREATE INDEX x402_payments_mandate_open_idx ON x402_payments (mandate_id)
    WHERE status IN ('PENDING_APPROVAL', 'AUTHORIZED');

-- Payments awaiting a human, oldest first, for the approval-timeout sweep (updated_at = when they started waiting).
CREATE INDEX x402_payments_pending_approval_idx ON x402_payments (updated_at)
    WHERE status = 'PENDING_APPROVAL';

COMMENT ON COLUMN x402_payments.expired_at IS
    'When the payment expired: an authorization past its validBefore uncaptured (error_code payment_expired), or an approval nobody decided within genesis.payments.approval-timeout-minutes (error_code APPROVAL_TIMEOUT).';
