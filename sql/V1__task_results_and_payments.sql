-- Genesis schema, version 1: the two tables the Memori analytics queries read.
-- Applied by Flyway at application start-up (never by Hibernate). Every table and column carries a
-- COMMENT so reporting tools (psql \d+, DBeaver, Metabase, Superset) show what it means.
--
-- Money: cost_cents is NUMERIC, not an integer, so that the seed queries' "SUM(cost_cents) / 100"
-- yields exact dollars (an integer column would truncate $2.50 to 2).

CREATE TABLE omnidaemon_task_results (
    task_id           VARCHAR(64)      NOT NULL PRIMARY KEY,
    topic             VARCHAR(200)     NOT NULL,
    agent_id          VARCHAR(100)     NOT NULL,
    tenant_id         VARCHAR(100)     NOT NULL DEFAULT 'default',
    business_id       VARCHAR(64),
    correlation_id    VARCHAR(64)      NOT NULL,
    causation_id      VARCHAR(64),
    source            VARCHAR(200),
    status            VARCHAR(20)      NOT NULL,
    attempts          INTEGER          NOT NULL DEFAULT 1,
    duration_seconds  DOUBLE PRECISION NOT NULL DEFAULT 0,
    cost_cents        NUMERIC(18, 4)   NOT NULL DEFAULT 0,
    quality_score     DOUBLE PRECISION,
    input             JSONB,
    output            JSONB,
    error             TEXT,
    traceparent       VARCHAR(64),
    worker_id         VARCHAR(200),
    created_at        TIMESTAMPTZ      NOT NULL DEFAULT now(),
    completed_at      TIMESTAMPTZ,
    recorded_at       TIMESTAMPTZ      NOT NULL DEFAULT now(),
    CONSTRAINT omnidaemon_task_results_status_chk
        CHECK (status IN ('success', 'failed', 'dead_lettered', 'timed_out', 'cancelled')),
    CONSTRAINT omnidaemon_task_results_attempts_chk CHECK (attempts >= 0),
    CONSTRAINT omnidaemon_task_results_cost_chk CHECK (cost_cents >= 0),
    CONSTRAINT omnidaemon_task_results_quality_chk CHECK (quality_score IS NULL OR quality_score BETWEEN 0 AND 1)
);

CREATE INDEX omnidaemon_task_results_agent_created_idx ON omnidaemon_task_results (agent_id, created_at);
CREATE INDEX omnidaemon_task_results_status_created_idx ON omnidaemon_task_results (status, created_at);
CREATE INDEX omnidaemon_task_results_business_idx ON omnidaemon_task_results (business_id) WHERE business_id IS NOT NULL;
CREATE INDEX omnidaemon_task_results_correlation_idx ON omnidaemon_task_results (correlation_id);
CREATE INDEX omnidaemon_task_results_tenant_created_idx ON omnidaemon_task_results (tenant_id, created_at);

COMMENT ON TABLE omnidaemon_task_results IS
    'One row per terminal task of the event runtime (success, failure, dead letter, timeout, cancel). Written once per task_id; redeliveries never add rows.';
COMMENT ON COLUMN omnidaemon_task_results.task_id IS 'Task id from the stream envelope (primary key; idempotency key of the row).';
COMMENT ON COLUMN omnidaemon_task_results.topic IS 'Stream topic the task was published to, e.g. genesis.build.';
COMMENT ON COLUMN omnidaemon_task_results.agent_id IS 'Agent that handled the task, e.g. builder_agent.';
COMMENT ON COLUMN omnidaemon_task_results.tenant_id IS 'Tenant that owns the task (''default'' when none was given).';
COMMENT ON COLUMN omnidaemon_task_results.business_id IS 'Business the task belongs to, when it is part of a Genesis business creation.';
COMMENT ON COLUMN omnidaemon_task_results.correlation_id IS 'Id shared by every task of one causal chain (a reply_to chain or a business).';
COMMENT ON COLUMN omnidaemon_task_results.causation_id IS 'Task id of the parent task that caused this one (reply_to), NULL for a root task.';
COMMENT ON COLUMN omnidaemon_task_results.source IS 'Publisher of the task (api, agent name, replay ...).';
COMMENT ON COLUMN omnidaemon_task_results.status IS 'Terminal status: success, failed, dead_lettered, timed_out or cancelled.';
COMMENT ON COLUMN omnidaemon_task_results.attempts IS 'Handler attempts made, the successful or final one included.';
COMMENT ON COLUMN omnidaemon_task_results.duration_seconds IS 'Wall time of the final attempt of the handler, in seconds.';
COMMENT ON COLUMN omnidaemon_task_results.cost_cents IS 'Cost attributed to the task in US cents (LLM tokens, x402 purchases); NUMERIC so SUM(cost_cents) / 100 gives exact dollars.';
COMMENT ON COLUMN omnidaemon_task_results.quality_score IS 'HGM-style quality grade of the result, 0..1; NULL when the task produced no gradable output.';
COMMENT ON COLUMN omnidaemon_task_results.input IS 'Task content as published (JSON).';
COMMENT ON COLUMN omnidaemon_task_results.output IS 'Handler result (JSON); NULL unless status = success.';
COMMENT ON COLUMN omnidaemon_task_results.error IS 'Last error message for failed, dead-lettered, timed-out or cancelled tasks.';
COMMENT ON COLUMN omnidaemon_task_results.traceparent IS 'W3C traceparent carried by the envelope, for joining with traces.';
COMMENT ON COLUMN omnidaemon_task_results.worker_id IS 'Worker (consumer name) that finished the task.';
COMMENT ON COLUMN omnidaemon_task_results.created_at IS 'When the task was published.';
COMMENT ON COLUMN omnidaemon_task_results.completed_at IS 'When the task reached its terminal status.';
COMMENT ON COLUMN omnidaemon_task_results.recorded_at IS 'When this row was written (later than completed_at if PostgreSQL was down meanwhile).';

CREATE TABLE x402_payments (
    id                     VARCHAR(64)     NOT NULL PRIMARY KEY,
    idempotency_key        VARCHAR(128)    NOT NULL,
    request_hash           CHAR(64),
    kind                   VARCHAR(16)     NOT NULL DEFAULT 'CHARGE',
    parent_payment_id      VARCHAR(64)     REFERENCES x402_payments (id),
    business_id            VARCHAR(64),
    agent_id               VARCHAR(100)    NOT NULL,
    task_id                VARCHAR(64),
    mandate_id             VARCHAR(64),
    approval_id            VARCHAR(64),
    vendor_id              VARCHAR(64),
    vendor_url             VARCHAR(2048)   NOT NULL,
    http_method            VARCHAR(10),
    request_fingerprint    VARCHAR(128),
    description            VARCHAR(1024),
    mime_type              VARCHAR(128),
    x402_version           SMALLINT        NOT NULL DEFAULT 2,
    scheme                 VARCHAR(16)     NOT NULL DEFAULT 'exact',
    network                VARCHAR(64)     NOT NULL,
    asset                  VARCHAR(128)    NOT NULL,
    asset_decimals         SMALLINT        NOT NULL DEFAULT 6,
    pay_to                 VARCHAR(128)    NOT NULL,
    payer                  VARCHAR(128),
    amount_atomic          NUMERIC(78, 0)  NOT NULL,
    settled_amount_atomic  NUMERIC(78, 0),
    cost_cents             NUMERIC(18, 2)  NOT NULL,
    captured_cents         NUMERIC(18, 2)  NOT NULL DEFAULT 0,
    refunded_cents         NUMERIC(18, 2)  NOT NULL DEFAULT 0,
    currency               CHAR(3)         NOT NULL DEFAULT 'USD',
    max_timeout_seconds    INTEGER,
    valid_after            BIGINT,
    valid_before           BIGINT,
    auth_nonce             CHAR(66),
    status                 VARCHAR(24)     NOT NULL,
    x402_status            VARCHAR(24),
    error_code             VARCHAR(128),
    error_category         VARCHAR(32),
    error_message          VARCHAR(1024),
    tx_hash                VARCHAR(128),
    facilitator_url        VARCHAR(512),
    simulated              BOOLEAN         NOT NULL DEFAULT TRUE,
    payment_required_json  JSONB,
    requirements_json      JSONB,
    payload_json           JSONB,
    verify_response_json   JSONB,
    settle_response_json   JSONB,
    created_at             TIMESTAMPTZ     NOT NULL DEFAULT now(),
    approved_at            TIMESTAMPTZ,
    authorized_at          TIMESTAMPTZ,
    captured_at            TIMESTAMPTZ,
    voided_at              TIMESTAMPTZ,
    expired_at             TIMESTAMPTZ,
    refunded_at            TIMESTAMPTZ,
    updated_at             TIMESTAMPTZ     NOT NULL DEFAULT now(),
    version                INTEGER         NOT NULL DEFAULT 0,
    CONSTRAINT x402_payments_idempotency_key_uq UNIQUE (idempotency_key),
    CONSTRAINT x402_payments_kind_chk CHECK (kind IN ('CHARGE', 'REFUND')),
    CONSTRAINT x402_payments_scheme_chk CHECK (scheme IN ('exact', 'upto')),
    CONSTRAINT x402_payments_amount_chk CHECK (amount_atomic >= 0 AND cost_cents >= 0),
    CONSTRAINT x402_payments_refund_chk CHECK (refunded_cents <= captured_cents),
    CONSTRAINT x402_payments_status_chk CHECK (status IN (
        'REQUESTED', 'DENIED', 'PENDING_APPROVAL', 'APPROVED', 'AUTHORIZED', 'CAPTURING', 'CAPTURE_UNKNOWN',
        'CAPTURED', 'VOIDED', 'EXPIRED', 'FAILED', 'REFUND_PENDING', 'REFUNDED', 'PARTIALLY_REFUNDED',
        'REFUND_FAILED'))
);

CREATE UNIQUE INDEX x402_payments_nonce_uq ON x402_payments (network, asset, payer, auth_nonce)
    WHERE auth_nonce IS NOT NULL;
CREATE INDEX x402_payments_agent_created_idx ON x402_payments (agent_id, created_at);
CREATE INDEX x402_payments_business_created_idx ON x402_payments (business_id, created_at);
CREATE INDEX x402_payments_vendor_created_idx ON x402_payments (vendor_url, created_at);
CREATE INDEX x402_payments_status_valid_before_idx ON x402_payments (status, valid_before);
CREATE INDEX x402_payments_duplicate_idx
    ON x402_payments (agent_id, vendor_url, request_fingerprint, amount_atomic, created_at);

COMMENT ON TABLE x402_payments IS
    'Every x402 payment attempt an agent made (charges and refunds), one row per attempt, with its state-machine status and the x402 v2 wire objects verbatim. Never holds a private key.';
COMMENT ON COLUMN x402_payments.id IS 'Payment id (pay_...).';
COMMENT ON COLUMN x402_payments.idempotency_key IS 'Client idempotency key (16-128 chars [A-Za-z0-9_-]); a retry with the same key returns this row.';
COMMENT ON COLUMN x402_payments.request_hash IS 'SHA-256 (hex) of the canonical purchase request; same key with another hash is rejected (409).';
COMMENT ON COLUMN x402_payments.kind IS 'CHARGE, or REFUND (then parent_payment_id names the charge).';
COMMENT ON COLUMN x402_payments.parent_payment_id IS 'For a REFUND row: the CHARGE it refunds.';
COMMENT ON COLUMN x402_payments.business_id IS 'Business the purchase was made for.';
COMMENT ON COLUMN x402_payments.agent_id IS 'Agent that asked to pay (budget key).';
COMMENT ON COLUMN x402_payments.task_id IS 'Task during which the purchase was made (omnidaemon_task_results.task_id).';
COMMENT ON COLUMN x402_payments.mandate_id IS 'AP2 mandate (intent/cart) that authorised the purchase.';
COMMENT ON COLUMN x402_payments.approval_id IS 'Approval decision that let the payment proceed.';
COMMENT ON COLUMN x402_payments.vendor_id IS 'Vendor whitelist entry the vendor_url matched.';
COMMENT ON COLUMN x402_payments.vendor_url IS 'Paid resource URL (x402 resource.url); the seed vendor query groups by it.';
COMMENT ON COLUMN x402_payments.http_method IS 'HTTP method of the paid request.';
COMMENT ON COLUMN x402_payments.request_fingerprint IS 'Hash of method + URL + body of the paid request, for duplicate detection.';
COMMENT ON COLUMN x402_payments.description IS 'Resource description from the vendor (x402 ResourceInfo).';
COMMENT ON COLUMN x402_payments.mime_type IS 'MIME type of the paid resource.';
COMMENT ON COLUMN x402_payments.x402_version IS 'x402 protocol version on the wire (2).';
COMMENT ON COLUMN x402_payments.scheme IS 'x402 scheme: exact or upto.';
COMMENT ON COLUMN x402_payments.network IS 'CAIP-2 network id, e.g. eip155:84532.';
COMMENT ON COLUMN x402_payments.asset IS 'Token contract address (USDC).';
COMMENT ON COLUMN x402_payments.asset_decimals IS 'Decimals of the asset (6 for USDC).';
COMMENT ON COLUMN x402_payments.pay_to IS 'Recipient address from the payment requirements.';
COMMENT ON COLUMN x402_payments.payer IS 'Payer address (authorization.from / facilitator payer).';
COMMENT ON COLUMN x402_payments.amount_atomic IS 'Authorised amount in atomic units of the asset: the source of truth.';
COMMENT ON COLUMN x402_payments.settled_amount_atomic IS 'Amount actually settled (SettleResponse.amount for upto, else = amount_atomic).';
COMMENT ON COLUMN x402_payments.cost_cents IS 'Amount in US cents; NUMERIC so SUM(cost_cents) / 100 gives exact dollars.';
COMMENT ON COLUMN x402_payments.captured_cents IS 'Cents captured so far.';
COMMENT ON COLUMN x402_payments.refunded_cents IS 'Cents refunded so far (never more than captured_cents).';
COMMENT ON COLUMN x402_payments.currency IS 'Fiat currency of the cents columns (USD).';
COMMENT ON COLUMN x402_payments.max_timeout_seconds IS 'maxTimeoutSeconds from the payment requirements.';
COMMENT ON COLUMN x402_payments.valid_after IS 'Authorization validAfter, epoch seconds.';
COMMENT ON COLUMN x402_payments.valid_before IS 'Authorization validBefore, epoch seconds (expiry of an uncaptured authorization).';
COMMENT ON COLUMN x402_payments.auth_nonce IS 'EIP-3009 authorization nonce (0x + 64 hex); unique per network, asset and payer.';
COMMENT ON COLUMN x402_payments.status IS 'State machine: REQUESTED, DENIED, PENDING_APPROVAL, APPROVED, AUTHORIZED, CAPTURING, CAPTURE_UNKNOWN, CAPTURED, VOIDED, EXPIRED, FAILED, REFUND_PENDING, REFUNDED, PARTIALLY_REFUNDED, REFUND_FAILED.';
COMMENT ON COLUMN x402_payments.x402_status IS 'a2a-x402 status vocabulary (payment-required, payment-verified, payment-completed, payment-failed ...).';
COMMENT ON COLUMN x402_payments.error_code IS 'Raw x402 invalidReason / errorReason, or the policy rule code that denied it.';
COMMENT ON COLUMN x402_payments.error_category IS 'Normalised error category (INSUFFICIENT_FUNDS, INVALID_SIGNATURE, EXPIRED_PAYMENT, DUPLICATE_NONCE, NETWORK_MISMATCH, INVALID_AMOUNT, SETTLEMENT_FAILED, POLICY_DENIED).';
COMMENT ON COLUMN x402_payments.error_message IS 'Human-readable error.';
COMMENT ON COLUMN x402_payments.tx_hash IS 'Settlement transaction hash (SettleResponse.transaction).';
COMMENT ON COLUMN x402_payments.facilitator_url IS 'Facilitator that verified and settled the payment.';
COMMENT ON COLUMN x402_payments.simulated IS 'TRUE when the local simulated vendor and facilitator were used.';
COMMENT ON COLUMN x402_payments.payment_required_json IS 'PaymentRequired object from the vendor''s 402, verbatim.';
COMMENT ON COLUMN x402_payments.requirements_json IS 'The PaymentRequirements entry that was chosen, verbatim.';
COMMENT ON COLUMN x402_payments.payload_json IS 'PaymentPayload sent in PAYMENT-SIGNATURE, verbatim (signature kept for audit).';
COMMENT ON COLUMN x402_payments.verify_response_json IS 'Facilitator /verify response, verbatim.';
COMMENT ON COLUMN x402_payments.settle_response_json IS 'Facilitator /settle response (PAYMENT-RESPONSE), verbatim.';
COMMENT ON COLUMN x402_payments.created_at IS 'When the purchase was requested.';
COMMENT ON COLUMN x402_payments.approved_at IS 'When the approval policy (or a human) approved it.';
COMMENT ON COLUMN x402_payments.authorized_at IS 'When the facilitator verified the authorization.';
COMMENT ON COLUMN x402_payments.captured_at IS 'When the payment settled.';
COMMENT ON COLUMN x402_payments.voided_at IS 'When an authorization was voided (never settled).';
COMMENT ON COLUMN x402_payments.expired_at IS 'When an uncaptured authorization expired.';
COMMENT ON COLUMN x402_payments.refunded_at IS 'When the refund completed.';
COMMENT ON COLUMN x402_payments.updated_at IS 'Last state change.';
COMMENT ON COLUMN x402_payments.version IS 'Optimistic-locking version for state transitions.';
