-- Genesis schema, version 11: the Meta-Agent plans a business's purchases against what is left of the budgets before
-- it publishes the task that buys. A planned purchase is earmarked (planned_cents) on the agent's day and on the
-- business, in the same conditional upserts the approval policy reserves with, so many businesses planning at once
-- never see the same "left". An optional purchase that cannot be covered is skipped; a required one holds the
-- business in WAITING_FOR_BUDGET. Budgets may also be set for one tenant, and background sweeps hold a lease.

ALTER TABLE businesses DROP CONSTRAINT businesses_status_chk;
ALTER TABLE businesses ADD CONSTRAINT businesses_status_chk CHECK (status IN ('INITIALIZING', 'GENERATING_IDEA',
    'COMPOSING_TEAM', 'DECOMPOSING_TASKS', 'ROUTING', 'VALIDATING', 'EXECUTING', 'DEPLOYING', 'WAITING_FOR_BUDGET',
    'SUCCESS', 'FAILED', 'BLOCKED'));
COMMENT ON COLUMN businesses.status IS 'Lifecycle state while running (INITIALIZING .. EXECUTING, DEPLOYING, WAITING_FOR_BUDGET: a required purchase waits for budget); SUCCESS, FAILED or BLOCKED when terminal.';

ALTER TABLE agent_daily_spend ADD COLUMN planned_cents NUMERIC(18, 2) NOT NULL DEFAULT 0;
ALTER TABLE agent_daily_spend ADD CONSTRAINT agent_daily_spend_planned_chk CHECK (planned_cents >= 0);
COMMENT ON COLUMN agent_daily_spend.planned_cents IS 'Cents earmarked by purchases the Meta-Agent planned and no payment took yet; counted as spent by every reservation of that day.';

ALTER TABLE business_spend ADD COLUMN planned_cents NUMERIC(18, 2) NOT NULL DEFAULT 0;
ALTER TABLE business_spend ADD CONSTRAINT business_spend_planned_chk CHECK (planned_cents >= 0);
COMMENT ON COLUMN business_spend.planned_cents IS 'Cents earmarked by planned purchases of the business that no payment took yet.';

CREATE TABLE planned_purchases (
    tenant_id        VARCHAR(100)   NOT NULL,
    business_id      VARCHAR(64)    NOT NULL,
    task_id          VARCHAR(64)    NOT NULL,
    runtime_task_id  VARCHAR(128)   NOT NULL,
    agent_id         VARCHAR(100)   NOT NULL,
    vendor_id        VARCHAR(64)    NOT NULL,
    required         BOOLEAN        NOT NULL,
    cents            NUMERIC(18, 2) NOT NULL,
    spend_day        DATE           NOT NULL,
    state            VARCHAR(10)    NOT NULL,
    reason           TEXT,
    payment_id       VARCHAR(64),
    created_at       TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ    NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, business_id, task_id),
    CONSTRAINT planned_purchases_state_chk CHECK (state IN ('PLANNED', 'PAID', 'RELEASED', 'SKIPPED', 'WAITING')),
    CONSTRAINT planned_purchases_cents_chk CHECK (cents >= 0)
);

CREATE INDEX planned_purchases_runtime_task_idx ON planned_purchases (tenant_id, runtime_task_id);

COMMENT ON TABLE planned_purchases IS 'One purchase the Meta-Agent planned for a business task, and what became of it.';
COMMENT ON COLUMN planned_purchases.tenant_id IS 'Tenant of the business, whose budgets the purchase counts against.';
COMMENT ON COLUMN planned_purchases.business_id IS 'Business.';
COMMENT ON COLUMN planned_purchases.task_id IS 'Task of the business DAG that buys.';
COMMENT ON COLUMN planned_purchases.runtime_task_id IS 'Runtime task id of that task: the payment of the task names it, which is how the payment takes the earmark.';
COMMENT ON COLUMN planned_purchases.agent_id IS 'Agent that buys, whose daily budget is used.';
COMMENT ON COLUMN planned_purchases.vendor_id IS 'Vendor of the catalogue (genesis.payments.vendors).';
COMMENT ON COLUMN planned_purchases.required IS 'TRUE: the business waits for budget when it cannot be covered; FALSE: the task runs without it.';
COMMENT ON COLUMN planned_purchases.cents IS 'The vendor''s catalogue price, in cents: what was earmarked, or what could not be covered.';
COMMENT ON COLUMN planned_purchases.spend_day IS 'UTC day whose agent budget holds (or lacked) the cents.';
COMMENT ON COLUMN planned_purchases.state IS 'PLANNED (earmarked), PAID (a payment took the earmark), RELEASED (given back: the business ended first), SKIPPED (optional, not covered), WAITING (required, not covered yet).';
COMMENT ON COLUMN planned_purchases.reason IS 'Why it was skipped or waits: the budget, what is needed and what is left.';
COMMENT ON COLUMN planned_purchases.payment_id IS 'Payment that took the earmark (PAID).';
COMMENT ON COLUMN planned_purchases.created_at IS 'When it was first planned.';
COMMENT ON COLUMN planned_purchases.updated_at IS 'Last change of this row.';

ALTER TABLE agent_budgets ADD COLUMN tenant_id VARCHAR(100) NOT NULL DEFAULT '*';
ALTER TABLE agent_budgets DROP CONSTRAINT agent_budgets_pkey;
ALTER TABLE agent_budgets ADD PRIMARY KEY (agent_id, tenant_id);
COMMENT ON TABLE agent_budgets IS
    'Daily budget of an agent set through PUT /api/budgets/{agent}, for every tenant (*) or one; agents without a row use the configured defaults (genesis.tenants.<tenant>.budgets.*, genesis.payments.budgets.*).';
COMMENT ON COLUMN agent_budgets.tenant_id IS 'Tenant the limit applies to, or * for every tenant without a limit of its own.';

CREATE TABLE leases (
    name        VARCHAR(100) NOT NULL PRIMARY KEY,
    holder      VARCHAR(200) NOT NULL,
    expires_at  TIMESTAMPTZ  NOT NULL
);

COMMENT ON TABLE leases IS 'Background work that one worker of many does at a time (e.g. the budget-wait sweep): who holds it until when.';
COMMENT ON COLUMN leases.name IS 'The work.';
COMMENT ON COLUMN leases.holder IS 'Worker id (genesis.worker-id) holding it.';
COMMENT ON COLUMN leases.expires_at IS 'Until when; another worker may take it after.';
