-- The two Memori analytics queries from the OmniDaemon integration checklist, verbatim.
-- They are part of the schema contract: the integration tests run this text unchanged.

-- Agent performance over the last 7 days (successful tasks only).
SELECT agent_id, COUNT(*) as tasks_completed, AVG(duration_seconds) as avg_duration,
       SUM(cost_cents) / 100 as total_cost, AVG(quality_score) as avg_quality
FROM omnidaemon_task_results
WHERE created_at > NOW() - INTERVAL '7 days' AND status = 'success'
GROUP BY agent_id ORDER BY avg_quality DESC;

-- Top vendors by x402 spend.
SELECT vendor_url, COUNT(*) as api_calls, SUM(cost_cents) / 100 as total_spent
FROM x402_payments GROUP BY vendor_url ORDER BY total_spent DESC LIMIT 10;
