-- Which model did a task's work, on the task's own rows: the runtime's result row and the business's DAG row. NULL
-- means the work needed no model (the offline, deterministic agents). The DAAO tier that chose the model is already on
-- business_tasks.model_tier; the result row gets it too, so the seed's cost queries can group by tier and model alone.

ALTER TABLE omnidaemon_task_results ADD COLUMN model VARCHAR(200);
ALTER TABLE omnidaemon_task_results ADD COLUMN model_tier VARCHAR(64);
ALTER TABLE business_tasks ADD COLUMN model VARCHAR(200);

COMMENT ON COLUMN omnidaemon_task_results.model IS
    'Model that did the work, as its server named it in the answer (e.g. gpt-4o-mini-2024-07-18); for a task that failed, the model its last failed attempt asked. NULL when no model was used.';
COMMENT ON COLUMN omnidaemon_task_results.model_tier IS
    'DAAO model tier the task ran at (same values as business_tasks.model_tier, e.g. gemini-2.0-flash-lite), which picked the model through genesis.llm.models.*; NULL without a model or a tier.';
COMMENT ON COLUMN business_tasks.model IS
    'Model that did the task''s work (omnidaemon_task_results.model of its runtime task), next to the model_tier DAAO chose; NULL when no model was used.';
COMMENT ON COLUMN omnidaemon_task_results.cost_cents IS
    'Cost attributed to the task in US cents, every attempt included: LLM tokens of each completion (also of attempts that failed or were repaired; none for a premium model bought over x402, whose payment covers it) and x402 purchases. NUMERIC so SUM(cost_cents) / 100 gives exact dollars.';
