-- Genesis schema, version 4: the payments ledger around x402_payments (V1).
-- AP2 v0.2 mandates, approval decisions and payment state transitions (both append-only), agent and business
-- spend with atomic reservations, and the simulated x402 chain the local facilitator settles on.
-- Amounts are US cents unless a column says atomic units. docs/payments.md explains the flows.

-- x402_payments: a few more facts per attempt -----------------------------------------------------------------------

ALTER TABLE x402_payments
    ADD COLUMN tenant_id       VARCHAR(100)   NOT NULL DEFAULT 'default',
    ADD COLUMN mode            VARCHAR(12)    NOT NULL DEFAULT 'ONE_SHOT',
    ADD COLUMN purpose         VARCHAR(1024),
    ADD COLUMN requested_cents NUMERIC(18, 2) NOT NULL DEFAULT 0,
    ADD COLUMN request_body    JSONB,
    ADD CONSTRAINT x402_payments_mode_chk CHECK (mode IN ('ONE_SHOT', 'STAGED')),
    ADD CONSTRAINT x402_payments_requested_chk CHECK (requested_cents >= 0);

CREATE INDEX x402_payments_task_idx ON x402_payments (task_id) WHERE task_id IS NOT NULL;

COMMENT ON COLUMN x402_payments.tenant_id IS 'Tenant the purchase was made for (''default'' when none was given).';
COMMENT ON COLUMN x402_payments.mode IS 'ONE_SHOT (the vendor settles when it serves) or STAGED (authorize, then capture, void or refund).';
COMMENT ON COLUMN x402_payments.purpose IS 'Why the agent buys (free text from the purchase request); the fraud patterns are matched against it.';
COMMENT ON COLUMN x402_payments.requested_cents IS 'Amount the vendor asked for, in US cents (ceil of amount_atomic), whatever became of the attempt.';
COMMENT ON COLUMN x402_payments.request_body IS 'JSON body of the paid request to the vendor, kept so an approved purchase can be sent after a human decided (NULL for none).';
COMMENT ON COLUMN x402_payments.cost_cents IS 'Cents actually spent by this row: captured minus refunded, 0 for attempts that never settled (denied, voided, failed) and for REFUND rows, so SUM(cost_cents) / 100 in the seed vendor query is true spend in dollars. The asked amount is requested_cents / amount_atomic.';
COMMENT ON COLUMN x402_payments.mandate_id IS 'Open AP2 payment mandate (payment_mandates, vct mandate.payment.open.1) of the agent and business the purchase was made under.';

-- Mandates ---------------------------------------------------------------------------------------------------------

CREATE TABLE payment_mandates (
    mandate_id        VARCHAR(64)   NOT NULL PRIMARY KEY,
    vct               VARCHAR(40)   NOT NULL,
    business_id       VARCHAR(64)   NOT NULL,
    agent_id          VARCHAR(100)  NOT NULL,
    parent_mandate_id VARCHAR(64)   REFERENCES payment_mandates (mandate_id),
    payment_id        VARCHAR(64)   REFERENCES x402_payments (id),
    issuer            VARCHAR(100)  NOT NULL,
    status            VARCHAR(12)   NOT NULL,
    not_before        TIMESTAMPTZ   NOT NULL,
    not_after         TIMESTAMPTZ   NOT NULL,
    mandate_json      JSONB         NOT NULL,
    created_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    revoked_at        TIMESTAMPTZ,
    CONSTRAINT payment_mandates_vct_chk CHECK (vct IN ('mandate.payment.open.1', 'mandate.payment.1')),
    CONSTRAINT payment_mandates_status_chk CHECK (status IN ('ACTIVE', 'REVOKED', 'CLOSED')),
    CONSTRAINT payment_mandates_closed_chk CHECK (vct = 'mandate.payment.open.1'
        OR (parent_mandate_id IS NOT NULL AND payment_id IS NOT NULL))
);

CREATE UNIQUE INDEX payment_mandates_one_open_uq ON payment_mandates (business_id, agent_id)
    WHERE vct = 'mandate.payment.open.1' AND status = 'ACTIVE';
CREATE UNIQUE INDEX payment_mandates_closed_payment_uq ON payment_mandates (payment_id) WHERE payment_id IS NOT NULL;

COMMENT ON TABLE payment_mandates IS
    'AP2 v0.2 payment mandates: one ACTIVE open mandate (mandate.payment.open.1, constraints) per agent and business, issued by the Meta-Agent, and one closed mandate (mandate.payment.1) per approved purchase.';
COMMENT ON COLUMN payment_mandates.mandate_id IS 'Mandate id (mdt_...).';
COMMENT ON COLUMN payment_mandates.vct IS 'AP2 credential type: mandate.payment.open.1 (open) or mandate.payment.1 (closed, one transaction).';
COMMENT ON COLUMN payment_mandates.business_id IS 'Business the mandate lets the agent spend for.';
COMMENT ON COLUMN payment_mandates.agent_id IS 'Agent (AP2 shopping agent) the mandate was issued to.';
COMMENT ON COLUMN payment_mandates.parent_mandate_id IS 'For a closed mandate: the open mandate it was derived from.';
COMMENT ON COLUMN payment_mandates.payment_id IS 'For a closed mandate: the x402_payments row it authorises.';
COMMENT ON COLUMN payment_mandates.issuer IS 'Who issued it: meta-agent (open mandates, trusted agent provider) or the agent (closed mandates).';
COMMENT ON COLUMN payment_mandates.status IS 'ACTIVE (open mandate in force), REVOKED (no more purchases) or CLOSED (a closed mandate, bound to its one payment).';
COMMENT ON COLUMN payment_mandates.not_before IS 'Start of validity (AP2 payment.execution_date not_before).';
COMMENT ON COLUMN payment_mandates.not_after IS 'End of validity (AP2 payment.execution_date not_after / exp).';
COMMENT ON COLUMN payment_mandates.mandate_json IS 'The mandate in AP2 v0.2 vocabulary (vct, constraints[], payee, payment_amount, payment_instrument ...), as issued.';
COMMENT ON COLUMN payment_mandates.created_at IS 'When the mandate was issued.';
COMMENT ON COLUMN payment_mandates.revoked_at IS 'When the mandate was revoked, if it was.';

-- Decisions and transitions (append-only) ---------------------------------------------------------------------------

CREATE TABLE payment_decisions (
    decision_id    VARCHAR(64)   NOT NULL PRIMARY KEY,
    payment_id     VARCHAR(64)   NOT NULL REFERENCES x402_payments (id),
    outcome        VARCHAR(12)   NOT NULL,
    approval_mode  VARCHAR(12)   NOT NULL,
    decided_by     VARCHAR(100)  NOT NULL,
    policy_version VARCHAR(40)   NOT NULL,
    checks         JSONB         NOT NULL,
    reasons        JSONB         NOT NULL,
    rationale      VARCHAR(1024),
    decided_at     TIMESTAMPTZ   NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT payment_decisions_outcome_chk CHECK (outcome IN ('APPROVED', 'DENIED', 'ESCALATED')),
    CONSTRAINT payment_decisions_mode_chk CHECK (approval_mode IN ('AUTO', 'META_AGENT', 'HUMAN', 'NONE'))
);

CREATE INDEX payment_decisions_payment_idx ON payment_decisions (payment_id, decided_at);

COMMENT ON TABLE payment_decisions IS
    'Append-only log of approval decisions: the policy engine''s verdict with every rule checked, then the Meta-Agent''s or a human''s decision on an escalation.';
COMMENT ON COLUMN payment_decisions.decision_id IS 'Decision id (apd_...).';
COMMENT ON COLUMN payment_decisions.payment_id IS 'Payment decided on.';
COMMENT ON COLUMN payment_decisions.outcome IS 'APPROVED, DENIED or ESCALATED (to the Meta-Agent, then a human).';
COMMENT ON COLUMN payment_decisions.approval_mode IS 'AUTO (policy under the threshold), META_AGENT, HUMAN, or NONE (denied by a rule).';
COMMENT ON COLUMN payment_decisions.decided_by IS 'policy-engine, meta-agent, or the human named in the decision request.';
COMMENT ON COLUMN payment_decisions.policy_version IS 'Version of the rule set that decided (genesis.payments.policy-version).';
COMMENT ON COLUMN payment_decisions.checks IS 'Every rule evaluated, in order: [{code, result PASS|FAIL|WARN, observed, limit}].';
COMMENT ON COLUMN payment_decisions.reasons IS 'Rules that fired: [{code, effect DENY|ESCALATE|ALLOW, message}].';
COMMENT ON COLUMN payment_decisions.rationale IS 'Free-text rationale of a Meta-Agent or human decision.';
COMMENT ON COLUMN payment_decisions.decided_at IS 'When the decision was made.';

CREATE TABLE payment_events (
    event_id    BIGSERIAL     NOT NULL PRIMARY KEY,
    payment_id  VARCHAR(64)   NOT NULL REFERENCES x402_payments (id),
    from_status VARCHAR(24),
    to_status   VARCHAR(24)   NOT NULL,
    actor       VARCHAR(100)  NOT NULL,
    reason      VARCHAR(1024),
    at          TIMESTAMPTZ   NOT NULL DEFAULT clock_timestamp()
);

CREATE INDEX payment_events_payment_idx ON payment_events (payment_id, event_id);

COMMENT ON TABLE payment_events IS 'Append-only log of every state transition of a payment (the x402_payments.status history).';
COMMENT ON COLUMN payment_events.event_id IS 'Sequence number; orders the transitions of a payment.';
COMMENT ON COLUMN payment_events.payment_id IS 'Payment that changed state.';
COMMENT ON COLUMN payment_events.from_status IS 'Status before the transition (NULL for the first, REQUESTED).';
COMMENT ON COLUMN payment_events.to_status IS 'Status after the transition.';
COMMENT ON COLUMN payment_events.actor IS 'Who caused it: policy-engine, meta-agent, a human, facilitator, vendor, the deploying agent ...';
COMMENT ON COLUMN payment_events.reason IS 'Why (rule code, x402 error reason, deploy outcome ...).';
COMMENT ON COLUMN payment_events.at IS 'When the transition happened.';

CREATE FUNCTION payments_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
COMMENT ON FUNCTION payments_append_only() IS 'Refuses UPDATE and DELETE on the append-only payment logs.';

CREATE TRIGGER payment_decisions_append_only BEFORE UPDATE OR DELETE ON payment_decisions
    FOR EACH ROW EXECUTE FUNCTION payments_append_only();
CREATE TRIGGER payment_events_append_only BEFORE UPDATE OR DELETE ON payment_events
    FOR EACH ROW EXECUTE FUNCTION payments_append_only();

-- Budgets and reservations -----------------------------------------------------------------------------------------

CREATE TABLE agent_budgets (
    agent_id          VARCHAR(100)  NOT NULL PRIMARY KEY,
    daily_limit_cents NUMERIC(18, 2) NOT NULL,
    updated_by        VARCHAR(100)  NOT NULL,
    updated_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT agent_budgets_limit_chk CHECK (daily_limit_cents >= 0)
);

COMMENT ON TABLE agent_budgets IS
    'Daily budget of an agent set through PUT /api/budgets/{agent}; agents without a row use the configured Genesis defaults (genesis.payments.budgets.*).';
COMMENT ON COLUMN agent_budgets.agent_id IS 'Agent the budget applies to.';
COMMENT ON COLUMN agent_budgets.daily_limit_cents IS 'Most the agent may commit per UTC day, in cents.';
COMMENT ON COLUMN agent_budgets.updated_by IS 'Who set it.';
COMMENT ON COLUMN agent_budgets.updated_at IS 'When it was set.';

CREATE TABLE agent_daily_spend (
    agent_id        VARCHAR(100)   NOT NULL,
    spend_day       DATE           NOT NULL,
    committed_cents NUMERIC(18, 2) NOT NULL DEFAULT 0,
    PRIMARY KEY (agent_id, spend_day),
    CONSTRAINT agent_daily_spend_chk CHECK (committed_cents >= 0)
);

COMMENT ON TABLE agent_daily_spend IS
    'Per agent and UTC day: cents held by open reservations plus cents captured (minus refunds). A reservation is one conditional UPDATE of this row, so concurrent purchases never overspend.';
COMMENT ON COLUMN agent_daily_spend.agent_id IS 'Agent.';
COMMENT ON COLUMN agent_daily_spend.spend_day IS 'UTC day the spend counts against.';
COMMENT ON COLUMN agent_daily_spend.committed_cents IS 'Reserved + captured - released - refunded cents of that day.';

CREATE TABLE business_spend (
    business_id     VARCHAR(64)    NOT NULL PRIMARY KEY,
    committed_cents NUMERIC(18, 2) NOT NULL DEFAULT 0,
    CONSTRAINT business_spend_chk CHECK (committed_cents >= 0)
);

COMMENT ON TABLE business_spend IS 'Per business, all time: reserved + captured - released - refunded cents, checked against genesis.payments.business-limit-cents.';
COMMENT ON COLUMN business_spend.business_id IS 'Business.';
COMMENT ON COLUMN business_spend.committed_cents IS 'Reserved + captured - released - refunded cents.';

CREATE TABLE spend_reservations (
    payment_id  VARCHAR(64)    NOT NULL PRIMARY KEY REFERENCES x402_payments (id),
    agent_id    VARCHAR(100)   NOT NULL,
    spend_day   DATE           NOT NULL,
    business_id VARCHAR(64)    NOT NULL,
    cents       NUMERIC(18, 2) NOT NULL,
    state       VARCHAR(10)    NOT NULL,
    created_at  TIMESTAMPTZ    NOT NULL DEFAULT now(),
    settled_at  TIMESTAMPTZ,
    CONSTRAINT spend_reservations_state_chk CHECK (state IN ('HELD', 'COMMITTED', 'RELEASED')),
    CONSTRAINT spend_reservations_cents_chk CHECK (cents >= 0)
);

COMMENT ON TABLE spend_reservations IS
    'Budget held for one payment from approval (or escalation) on: HELD, then COMMITTED at capture or RELEASED on deny, void, failure. Releasing twice is impossible (state guard).';
COMMENT ON COLUMN spend_reservations.payment_id IS 'Payment the cents are held for.';
COMMENT ON COLUMN spend_reservations.agent_id IS 'Agent whose daily spend holds them.';
COMMENT ON COLUMN spend_reservations.spend_day IS 'UTC day of agent_daily_spend that holds them.';
COMMENT ON COLUMN spend_reservations.business_id IS 'Business whose business_spend holds them.';
COMMENT ON COLUMN spend_reservations.cents IS 'Cents held.';
COMMENT ON COLUMN spend_reservations.state IS 'HELD, COMMITTED (captured) or RELEASED (given back).';
COMMENT ON COLUMN spend_reservations.created_at IS 'When the cents were reserved.';
COMMENT ON COLUMN spend_reservations.settled_at IS 'When they were committed or released.';

-- The simulated chain ----------------------------------------------------------------------------------------------

CREATE TABLE x402_sim_transfers (
    tx_hash      VARCHAR(66)    NOT NULL PRIMARY KEY,
    kind         VARCHAR(10)    NOT NULL,
    network      VARCHAR(64)    NOT NULL,
    asset        VARCHAR(128)   NOT NULL,
    payer        VARCHAR(128)   NOT NULL,
    pay_to       VARCHAR(128)   NOT NULL,
    auth_nonce   CHAR(66)       NOT NULL,
    value_atomic NUMERIC(78, 0) NOT NULL,
    settled_at   TIMESTAMPTZ    NOT NULL DEFAULT now(),
    CONSTRAINT x402_sim_transfers_kind_chk CHECK (kind IN ('TRANSFER', 'REFUND')),
    CONSTRAINT x402_sim_transfers_nonce_uq UNIQUE (network, asset, payer, auth_nonce)
);

COMMENT ON TABLE x402_sim_transfers IS
    'SIMULATION ONLY: the token transfers the local simulated facilitator settled (what a chain would hold). The unique (network, asset, payer, nonce) is the EIP-3009 replay protection.';
COMMENT ON COLUMN x402_sim_transfers.tx_hash IS 'Simulated transaction hash, 0x + sha256 hex.';
COMMENT ON COLUMN x402_sim_transfers.kind IS 'TRANSFER (settled authorization) or REFUND (vendor sent money back).';
COMMENT ON COLUMN x402_sim_transfers.network IS 'CAIP-2 network.';
COMMENT ON COLUMN x402_sim_transfers.asset IS 'Token contract address.';
COMMENT ON COLUMN x402_sim_transfers.payer IS 'Address the value left.';
COMMENT ON COLUMN x402_sim_transfers.pay_to IS 'Address the value went to.';
COMMENT ON COLUMN x402_sim_transfers.auth_nonce IS 'EIP-3009 nonce used (for a refund: derived from the refunded transaction).';
COMMENT ON COLUMN x402_sim_transfers.value_atomic IS 'Value moved, atomic units.';
COMMENT ON COLUMN x402_sim_transfers.settled_at IS 'When the simulated transfer settled.';
