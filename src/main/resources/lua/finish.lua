-- Tasks reach a terminal status, a batch at once and each one atomically: state, SQL outbox row, counters, webhook
-- job, dead letter (with error and attempt history), task_finished notice and the ack. Nothing is acked that is not
-- recorded.
-- KEYS[1] result outbox, KEYS[2] webhook set; then per task i (from 2 + 5*(i-1)): task state, stream, topic metrics,
-- dead-letter stream, notify stream ("" for none)
-- ARGV[1] state TTL s; then per task i (from 1 + 19*(i-1)): group, entry id ("" when no stream entry is held, e.g.
-- cancel), status, completed_at, result JSON, error, history JSON, duration ms, outbox row JSON, webhook job ("" for
-- none), webhook due ms, envelope JSON (only read for a dead letter), agent, attempts, required current status ("" =
-- any), task_finished notice envelope JSON for the notify stream, model ("" for none), model tier ("" for none),
-- cost in cents
-- Returns one value per task: 1 written, 0 already terminal (nothing written), -1 not in the required status.
local terminal = {{TERMINAL_STATUSES}}
local ttl = tonumber(ARGV[1])
local replies, rows, counts = {}, {}, {}
local function count(metrics, field, n)
  local fields = counts[metrics]
  if not fields then
    fields = {}
    counts[metrics] = fields
  end
  fields[field] = (fields[field] or 0) + n
end
for i = 1, (#KEYS - 2) / 5 do
  local k, a = 2 + 5 * (i - 1), 1 + 19 * (i - 1)
  local task, stream, metrics, dead, notify = KEYS[k + 1], KEYS[k + 2], KEYS[k + 3], KEYS[k + 4], KEYS[k + 5]
  local group, entry, status, at, result, err, history = ARGV[a + 1], ARGV[a + 2], ARGV[a + 3], ARGV[a + 4],
      ARGV[a + 5], ARGV[a + 6], ARGV[a + 7]
  local current = redis.call('HGET', task, 'status')
  if current and terminal[current] then
    if entry ~= '' then
      redis.call('XACK', stream, group, entry)
    end
    replies[i] = 0
  elseif ARGV[a + 15] ~= '' and current ~= ARGV[a + 15] then
    replies[i] = -1
  else
    local attempts = ARGV[a + 14]
    redis.call('HSET', task, 'status', status, 'completed_at', at, 'result', result, 'error', err, 'history', history,
        'attempts', attempts, 'model', ARGV[a + 17], 'model_tier', ARGV[a + 18], 'cost_cents', ARGV[a + 19])
    redis.call('EXPIRE', task, ttl)
    rows[#rows + 1] = ARGV[a + 9]
    if status == 'completed' then
      count(metrics, 'processed', 1)
    else
      count(metrics, 'failed', 1)
      if status ~= 'failed' then
        count(metrics, status, 1)
      end
    end
    count(metrics, 'duration_ms_total', tonumber(ARGV[a + 8]))
    if ARGV[a + 10] ~= '' then
      redis.call('ZADD', KEYS[2], tonumber(ARGV[a + 11]), ARGV[a + 10])
    end
    if status == 'dead_lettered' then
      redis.call('XADD', dead, '*', 'data', ARGV[a + 12], 'error', err, 'history', history, 'agent', ARGV[a + 13],
          'attempts', attempts, 'failed_at', at, 'original_id', entry)
    end
    if notify ~= '' then
      redis.call('XADD', notify, '*', 'data', ARGV[a + 16])
    end
    if entry ~= '' then
      redis.call('XACK', stream, group, entry)
    end
    replies[i] = 1
  end
end
if #rows > 0 then
  redis.call('RPUSH', KEYS[1], unpack(rows))
end
for metrics, fields in pairs(counts) do
  for field, n in pairs(fields) do
    redis.call('HINCRBY', metrics, field, n)
  end
end
return replies
