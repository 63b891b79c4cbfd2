-- Genesis schema, version 8: payments are scoped per tenant (docs/payments.md, "Tenant scoping").
-- Every read and write of payments, mandates, decisions, budgets and spend names the caller's tenant in its WHERE
-- clause, so another tenant's object is as absent as a missing one. Mandates gain a tenant; idempotency keys are unique
-- per tenant (a key clash no longer finds another tenant's payment); agent daily spend, business spend and
-- reservations are counted per tenant, so one tenant cannot exhaust another's budget.

-- Payments: idempotency per tenant, and the lookups lists and the policy make per tenant -------------------------------

ALTER TABLE x402_payments DROP CONSTRAINT x402_payments_idempotency_key_uq;
ALTER TABLE x402_payments ADD CONSTRAINT x402_payments_tenant_idempotency_key_uq UNIQUE (tenant_id, idempotency_key);

COMMENT ON COLUMN x402_payments.tenant_id IS
    'Tenant the payment belongs to: the tenant_id claim of the token that asked for it (or the task''s tenant for purchases inside agent tasks). Only that tenant (and operators) can see or change it; to anyone else it does not exist.';
COMMENT ON COLUMN x402_payments.idempotency_key IS
    'Client idempotency key (16-128 chars [A-Za-z0-9_-]), unique per tenant: a retry with the same key in the same tenant returns this row; another tenant using the same key gets its own payment.';

-- GET /api/payments of one tenant, newest first
CREATE INDEX x402_payments_tenant_created_idx ON x402_payments (tenant_id, created_at DESC, id DESC);
-- the velocity rule counts an agent's recent charges within its tenant
CREATE INDEX x402_payments_tenant_agent_created_idx ON x402_payments (tenant_id, agent_id, created_at);

-- Mandates: a tenant each, one open mandate per tenant, business and agent ---------------------------------------------

ALTER TABLE payment_mandates ADD COLUMN tenant_id VARCHAR(100);

-- a closed mandate belongs to the tenant of its payment; an open one to the tenant of the payments made under it, else
-- to the tenant of its business, else to 'default' (the tenant of every call before tokens carried one)
UPDATE payment_mandates m SET tenant_id = p.tenant_id FROM x402_payments p WHERE m.payment_id = p.id;
UPDATE payment_mandates m SET tenant_id = (SELECT p.tenant_id FROM x402_payments p WHERE p.mandate_id = m.mandate_id
                                           ORDER BY p.created_at LIMIT 1)
WHERE m.tenant_id IS NULL;
UPDATE payment_mandates m SET tenant_id = b.tenant_id FROM businesses b WHERE m.tenant_id IS NULL AND b.business_id = m.business_id;
UPDATE payment_mandates SET tenant_id = 'default' WHERE tenant_id IS NULL;
ALTER TABLE payment_mandates ALTER COLUMN tenant_id SET NOT NULL;

COMMENT ON COLUMN payment_mandates.tenant_id IS
    'Tenant the mandate belongs to (its payments'' tenant; a closed mandate has its payment''s). Only that tenant (and operators) can see or revoke it.';

DROP INDEX payment_mandates_one_open_uq;
CREATE UNIQUE INDEX payment_mandates_one_open_uq ON payment_mandates (tenant_id, business_id, agent_id)
    WHERE vct = 'mandate.payment.open.1' AND status = 'ACTIVE';
DROP INDEX payment_mandates_business_agent_idx;
CREATE INDEX payment_mandates_business_agent_idx ON payment_mandates (tenant_id, business_id, agent_id, created_at DESC);
CREATE INDEX payment_mandates_tenant_created_idx ON payment_mandates (tenant_id, created_at DESC);

COMMENT ON TABLE payment_mandates IS
    'AP2 v0.2 payment mandates: one ACTIVE open mandate (mandate.payment.open.1, constraints) per tenant, agent and business, issued by the Meta-Agent, and one closed mandate (mandate.payment.1) per approved purchase.';
-- who decided, revoked or set a budget is the subject (sub claim) of the caller's token: up to 255 characters in OIDC
ALTER TABLE payment_decisions ALTER COLUMN decided_by TYPE VARCHAR(255);
ALTER TABLE payment_events ALTER COLUMN actor TYPE VARCHAR(255);
ALTER TABLE payment_mandates ALTER COLUMN revoked_by TYPE VARCHAR(255);
ALTER TABLE agent_budgets ALTER COLUMN updated_by TYPE VARCHAR(255);

COMMENT ON COLUMN payment_mandates.revoked_by IS
    'Who revoked the open mandate: the subject (sub claim) of the token that called revoke; NULL unless status is REVOKED.';
COMMENT ON COLUMN payment_decisions.decided_by IS
    'policy-engine, meta-agent, or for a human decision the subject (sub claim) of the approver''s token.';
COMMENT ON COLUMN payment_events.actor IS
    'Who caused it: policy-engine, meta-agent, the subject (sub claim) of the token that decided, captured, voided, refunded or revoked, facilitator, vendor, the deploying agent ...';
COMMENT ON COLUMN agent_budgets.updated_by IS 'Subject (sub claim) of the operator''s token that set it.';
COMMENT ON TABLE agent_budgets IS
    'Daily budget of an agent set through PUT /api/budgets/{agent}; it applies to the agent''s spend in each tenant separately. Agents without a row use the configured Genesis defaults (genesis.payments.budgets.*).';

-- Reservations and spend counters: per tenant ---------------------------------------------------------------------------

ALTER TABLE spend_reservations ADD COLUMN tenant_id VARCHAR(100);
UPDATE spend_reservations r SET tenant_id = p.tenant_id FROM x402_payments p WHERE p.id = r.payment_id;
ALTER TABLE spend_reservations ALTER COLUMN tenant_id SET NOT NULL;
COMMENT ON COLUMN spend_reservations.tenant_id IS 'Tenant of the payment, whose agent_daily_spend and business_spend rows hold the cents.';

-- The counters are rebuilt per tenant from the reservations they are the sum of: cents HELD or COMMITTED, less what was
-- refunded of the committed ones (RELEASED ones were given back).
ALTER TABLE agent_daily_spend ADD COLUMN tenant_id VARCHAR(100);
ALTER TABLE business_spend ADD COLUMN tenant_id VARCHAR(100);
ALTER TABLE agent_daily_spend DROP CONSTRAINT agent_daily_spend_pkey;
ALTER TABLE business_spend DROP CONSTRAINT business_spend_pkey;
DELETE FROM agent_daily_spend;
DELETE FROM business_spend;
INSERT INTO agent_daily_spend (tenant_id, agent_id, spend_day, committed_cents)
SELECT r.tenant_id, r.agent_id, r.spend_day,
       GREATEST(SUM(r.cents - CASE WHEN r.state = 'COMMITTED' THEN p.refunded_cents ELSE 0 END), 0)
FROM spend_reservations r JOIN x402_payments p ON p.id = r.payment_id
WHERE r.state IN ('HELD', 'COMMITTED')
GROUP BY r.tenant_id, r.agent_id, r.spend_day;
INSERT INTO business_spend (tenant_id, business_id, committed_cents)
SELECT r.tenant_id, r.business_id, GREATEST(SUM(r.cents - CASE WHEN r.state = 'COMMITTED' THEN p.refunded_cents ELSE 0 END), 0)
FROM spend_reservations r JOIN x402_payments p ON p.id = r.payment_id
WHERE r.state IN ('HELD', 'COMMITTED')
GROUP BY r.tenant_id, r.business_id;

ALTER TABLE agent_daily_spend ALTER COLUMN tenant_id SET NOT NULL;
ALTER TABLE agent_daily_spend ADD PRIMARY KEY (tenant_id, agent_id, spend_day);
ALTER TABLE business_spend ALTER COLUMN tenant_id SET NOT NULL;
ALTER TABLE business_spend ADD PRIMARY KEY (tenant_id, business_id);

COMMENT ON TABLE agent_daily_spend IS
    'Per tenant, agent and UTC day: cents held by open reservations plus cents captured (minus refunds), checked against the agent''s daily budget, which applies to each tenant separately. A reservation is one conditional UPDATE of this row, so concurrent purchases never overspend.';
COMMENT ON COLUMN agent_daily_spend.tenant_id IS 'Tenant whose purchases the cents are (one tenant''s spend never counts against another''s budget).';
COMMENT ON TABLE business_spend IS
    'Per tenant and business, all time: reserved + captured - released - refunded cents, checked against genesis.payments.business-limit-cents.';
COMMENT ON COLUMN business_spend.tenant_id IS 'Tenant the business spend belongs to (a business id named by another tenant is another counter).';

-- Spend-summary deliveries: whose they are ------------------------------------------------------------------------------

CREATE TABLE spend_summary_deliveries (
    delivery_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    tenant_id   VARCHAR(100),
    business_id VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

COMMENT ON TABLE spend_summary_deliveries IS
    'One row per spend summary enqueued for the spend-summary webhook: whose summary it was, so GET /api/businesses/{id}/spend/notifications/{delivery_id} shows the delivery (kept in Redis) to that tenant only.';
COMMENT ON COLUMN spend_summary_deliveries.delivery_id IS 'Delivery id answered by POST /api/businesses/{id}/spend/notifications (a UUID).';
COMMENT ON COLUMN spend_summary_deliveries.tenant_id IS 'Tenant whose spend the summary holds; NULL for an operator''s summary over every tenant (then only operators see it).';
COMMENT ON COLUMN spend_summary_deliveries.business_id IS 'Business summarised.';
COMMENT ON COLUMN spend_summary_deliveries.created_at IS 'When the summary was enqueued.';
