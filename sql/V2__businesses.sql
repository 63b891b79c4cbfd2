-- Genesis schema, version 2: businesses created by the Meta-Agent, their lifecycle transitions, the task DAG each
-- one executes, and human approvals of tasks held by the safety gate. The state of a business lives here, so any
-- worker can continue it after another one died.

CREATE TABLE businesses (
    business_id             VARCHAR(64)      NOT NULL PRIMARY KEY,
    tenant_id               VARCHAR(100)     NOT NULL DEFAULT 'default',
    business_type           VARCHAR(64)      NOT NULL,
    status                  VARCHAR(32)      NOT NULL,
    autonomous              BOOLEAN          NOT NULL DEFAULT TRUE,
    idempotency_key         VARCHAR(128),
    request                 JSONB            NOT NULL,
    requirements            JSONB,
    team_composition        JSONB,
    deployment_url          VARCHAR(2048),
    error_message           TEXT,
    execution_time_seconds  DOUBLE PRECISION,
    metadata                JSONB            NOT NULL DEFAULT '{}'::jsonb,
    revenue_projection      JSONB,
    created_at              TIMESTAMPTZ      NOT NULL DEFAULT now(),
    updated_at              TIMESTAMPTZ      NOT NULL DEFAULT now(),
    completed_at            TIMESTAMPTZ,
    CONSTRAINT businesses_status_chk CHECK (status IN ('INITIALIZING', 'GENERATING_IDEA', 'COMPOSING_TEAM',
        'DECOMPOSING_TASKS', 'ROUTING', 'VALIDATING', 'EXECUTING', 'DEPLOYING', 'SUCCESS', 'FAILED', 'BLOCKED')),
    CONSTRAINT businesses_idempotency_uq UNIQUE (tenant_id, idempotency_key)
);

CREATE INDEX businesses_tenant_created_idx ON businesses (tenant_id, created_at DESC);
CREATE INDEX businesses_status_idx ON businesses (status);
CREATE INDEX businesses_type_idx ON businesses (business_type);

COMMENT ON TABLE businesses IS 'One row per business creation requested from the Meta-Agent (POST /api/businesses): its request, plan outputs and outcome.';
COMMENT ON COLUMN businesses.business_id IS 'Business id (biz_...).';
COMMENT ON COLUMN businesses.tenant_id IS 'Tenant that requested the business.';
COMMENT ON COLUMN businesses.business_type IS 'Archetype, e.g. saas_tool (GET /api/business-types lists the ten).';
COMMENT ON COLUMN businesses.status IS 'Lifecycle state while running (INITIALIZING .. EXECUTING, DEPLOYING); SUCCESS, FAILED or BLOCKED when terminal.';
COMMENT ON COLUMN businesses.autonomous IS 'TRUE: unsafe tasks block the business; FALSE (supervised): unsafe tasks wait for a human approval.';
COMMENT ON COLUMN businesses.idempotency_key IS 'Idempotency-Key of the creating request; the same key returns the same business.';
COMMENT ON COLUMN businesses.request IS 'The request as received (business_type, requirements, autonomous).';
COMMENT ON COLUMN businesses.requirements IS 'Resolved requirements: the generated idea (name, description, features, tech stack, monetization, target market).';
COMMENT ON COLUMN businesses.team_composition IS 'Agents chosen by the Inclusive Fitness Swarm, with fitness and explanation.';
COMMENT ON COLUMN businesses.deployment_url IS 'URL of the deployed business, taken from the deploy task result.';
COMMENT ON COLUMN businesses.error_message IS 'Why the business FAILED or is BLOCKED.';
COMMENT ON COLUMN businesses.execution_time_seconds IS 'Seconds from creation to the terminal status.';
COMMENT ON COLUMN businesses.metadata IS 'Plan details: routing explanations, DAAO cost optimisation, AOP validation, memory recall, SE-Darwin outcomes, success criteria.';
COMMENT ON COLUMN businesses.revenue_projection IS 'Revenue projection by the Genesis formula (projected_monthly_revenue, confidence, payback_period_days, status, assumptions).';
COMMENT ON COLUMN businesses.created_at IS 'When the business was requested.';
COMMENT ON COLUMN businesses.updated_at IS 'Last change of this row.';
COMMENT ON COLUMN businesses.completed_at IS 'When it reached SUCCESS, FAILED or BLOCKED.';

CREATE TABLE business_transitions (
    id           BIGSERIAL    NOT NULL PRIMARY KEY,
    business_id  VARCHAR(64)  NOT NULL REFERENCES businesses (business_id),
    state        VARCHAR(32)  NOT NULL,
    reason       TEXT         NOT NULL,
    at           TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp()
);

CREATE INDEX business_transitions_business_idx ON business_transitions (business_id, id);

COMMENT ON TABLE business_transitions IS 'Append-only lifecycle history of each business, in order.';
COMMENT ON COLUMN business_transitions.id IS 'Monotonic id; orders transitions and lets event streams resume.';
COMMENT ON COLUMN business_transitions.business_id IS 'The business.';
COMMENT ON COLUMN business_transitions.state IS 'State entered.';
COMMENT ON COLUMN business_transitions.reason IS 'Why it was entered (human-readable).';
COMMENT ON COLUMN business_transitions.at IS 'When it was entered.';

CREATE TABLE business_tasks (
    business_id      VARCHAR(64)       NOT NULL REFERENCES businesses (business_id),
    task_id          VARCHAR(128)      NOT NULL,
    runtime_task_id  VARCHAR(64)       NOT NULL UNIQUE,
    position         INTEGER           NOT NULL,
    task_type        VARCHAR(64)       NOT NULL,
    description      TEXT              NOT NULL,
    agent_id         VARCHAR(100),
    depends_on       JSONB             NOT NULL DEFAULT '[]'::jsonb,
    critical         BOOLEAN           NOT NULL DEFAULT FALSE,
    status           VARCHAR(24)       NOT NULL,
    difficulty       DOUBLE PRECISION,
    model_tier       VARCHAR(64),
    estimated_cost   DOUBLE PRECISION,
    safety_score     DOUBLE PRECISION,
    quality_score    DOUBLE PRECISION,
    attempts         INTEGER           NOT NULL DEFAULT 0,
    result           JSONB,
    error            TEXT,
    metadata         JSONB             NOT NULL DEFAULT '{}'::jsonb,
    published_at     TIMESTAMPTZ,
    completed_at     TIMESTAMPTZ,
    updated_at       TIMESTAMPTZ       NOT NULL DEFAULT now(),
    PRIMARY KEY (business_id, task_id),
    CONSTRAINT business_tasks_status_chk CHECK (status IN ('pending', 'ready', 'published', 'awaiting_approval',
        'completed', 'failed', 'blocked', 'skipped'))
);

CREATE INDEX business_tasks_status_idx ON business_tasks (business_id, status);

COMMENT ON TABLE business_tasks IS 'The task DAG of each business (HTDAG plan routed by HALO/DAAO): one row per task, with its execution outcome.';
COMMENT ON COLUMN business_tasks.business_id IS 'The business.';
COMMENT ON COLUMN business_tasks.task_id IS 'Task id within the plan (e.g. saas_tool_1a2b3c4d_3).';
COMMENT ON COLUMN business_tasks.runtime_task_id IS 'Id of the runtime task executing it (omnidaemon_task_results.task_id; GET /api/tasks/{id}).';
COMMENT ON COLUMN business_tasks.position IS 'Position in topological order.';
COMMENT ON COLUMN business_tasks.task_type IS 'HTDAG task type (design, implement, deploy, test, marketing, ...).';
COMMENT ON COLUMN business_tasks.description IS 'What the task does.';
COMMENT ON COLUMN business_tasks.agent_id IS 'Agent the HALO router (refined by DAAO) assigned.';
COMMENT ON COLUMN business_tasks.depends_on IS 'Task ids that must complete first (JSON array).';
COMMENT ON COLUMN business_tasks.critical IS 'A failure of a critical task fails the business.';
COMMENT ON COLUMN business_tasks.status IS 'pending (waiting for dependencies), ready, published (running on the runtime), awaiting_approval (held by the safety gate), completed, failed, blocked, skipped.';
COMMENT ON COLUMN business_tasks.difficulty IS 'DAAO difficulty 0..1.';
COMMENT ON COLUMN business_tasks.model_tier IS 'Model tier DAAO chose for the difficulty.';
COMMENT ON COLUMN business_tasks.estimated_cost IS 'DAAO cost estimate in USD.';
COMMENT ON COLUMN business_tasks.safety_score IS 'WaltzRL safety score 0..1 of the task.';
COMMENT ON COLUMN business_tasks.quality_score IS 'HGM quality grade 0..1 of the result.';
COMMENT ON COLUMN business_tasks.attempts IS 'Runtime attempts the task took.';
COMMENT ON COLUMN business_tasks.result IS 'Agent output (JSON).';
COMMENT ON COLUMN business_tasks.error IS 'Failure reason.';
COMMENT ON COLUMN business_tasks.metadata IS 'Planner and router details (phase, depth, routing explanation).';
COMMENT ON COLUMN business_tasks.published_at IS 'When it was handed to the runtime.';
COMMENT ON COLUMN business_tasks.completed_at IS 'When its outcome arrived.';
COMMENT ON COLUMN business_tasks.updated_at IS 'Last change of this row.';

CREATE TABLE business_approvals (
    business_id  VARCHAR(64)   NOT NULL,
    task_id      VARCHAR(128)  NOT NULL,
    status       VARCHAR(16)   NOT NULL DEFAULT 'pending',
    reason       TEXT          NOT NULL,
    decided_by   VARCHAR(200),
    comment      TEXT,
    requested_at TIMESTAMPTZ   NOT NULL DEFAULT now(),
    decided_at   TIMESTAMPTZ,
    PRIMARY KEY (business_id, task_id),
    FOREIGN KEY (business_id, task_id) REFERENCES business_tasks (business_id, task_id),
    CONSTRAINT business_approvals_status_chk CHECK (status IN ('pending', 'approved', 'rejected'))
);

COMMENT ON TABLE business_approvals IS 'Tasks of supervised businesses that the WaltzRL safety gate held for a human decision.';
COMMENT ON COLUMN business_approvals.business_id IS 'The business.';
COMMENT ON COLUMN business_approvals.task_id IS 'The held task.';
COMMENT ON COLUMN business_approvals.status IS 'pending, approved or rejected.';
COMMENT ON COLUMN business_approvals.reason IS 'Why the safety gate held it (its explanation and score).';
COMMENT ON COLUMN business_approvals.decided_by IS 'Who decided (from the approval request).';
COMMENT ON COLUMN business_approvals.comment IS 'Decision comment.';
COMMENT ON COLUMN business_approvals.requested_at IS 'When the task was held.';
COMMENT ON COLUMN business_approvals.decided_at IS 'When the decision was made.';

-- Reporting view: one line per business with task counts and quality.
CREATE VIEW business_report AS
SELECT b.business_id, b.tenant_id, b.business_type, b.status, b.created_at, b.completed_at, b.execution_time_seconds,
       (b.revenue_projection ->> 'projected_monthly_revenue')::numeric AS projected_mrr,
       COUNT(t.task_id) AS tasks_total,
       COUNT(t.task_id) FILTER (WHERE t.status = 'completed') AS tasks_completed,
       COUNT(t.task_id) FILTER (WHERE t.status IN ('failed', 'blocked')) AS tasks_failed,
       AVG(t.quality_score) AS avg_quality
FROM businesses b LEFT JOIN business_tasks t ON t.business_id = b.business_id
GROUP BY b.business_id;

COMMENT ON VIEW business_report IS 'One line per business: status, timing, projected MRR, task counts and mean quality (for reporting tools).';
