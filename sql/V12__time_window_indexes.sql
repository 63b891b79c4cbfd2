-- The dashboard's windows (last hour, day or week) read by time alone: finished tasks by completion and publication
-- time (GET /api/ops/history, GET /api/ops/agents) and charges by request time (GET /api/payments/spend). The existing
-- indexes lead with agent, status, tenant, business or vendor; these serve the windows of every tenant and agent.

CREATE INDEX omnidaemon_task_results_completed_idx ON omnidaemon_task_results (completed_at);
CREATE INDEX omnidaemon_task_results_created_idx ON omnidaemon_task_results (created_at);

COMMENT ON INDEX omnidaemon_task_results_completed_idx IS
    'Finished tasks by completion time: processed/failed/cancelled per bucket and per-agent figures over a window (GET /api/ops/history, /api/ops/agents).';
COMMENT ON INDEX omnidaemon_task_results_created_idx IS
    'Finished tasks by publication time: published per bucket over a window (GET /api/ops/history).';

CREATE INDEX x402_payments_created_idx ON x402_payments (created_at);

COMMENT ON INDEX x402_payments_created_idx IS
    'Charges by request time: spend by agent and vendor over a window (GET /api/payments/spend).';
