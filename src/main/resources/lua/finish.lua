-- Tasks of one topic reach a terminal status, a batch at once and each one atomically: state, counters, dead letter
-- (with error and attempt history), the relay entry and the ack. Nothing is acked that is not recorded. Every key is
-- in the topic's hash slot (Redis Cluster): what goes elsewhere (the SQL outbox row, the webhook job, the
-- task_finished notice to another topic) is one relay entry, handed on by the workers' relay loop (TopicRelay).
-- KEYS per task i (from 5*(i-1)): task state, stream, topic metrics, dead-letter stream, topic relay
-- ARGV[1] state TTL s, ARGV[2] now epoch ms (relay score); then per task i (from 2 + 16*(i-1)): group, entry id (""
-- when no stream entry is held, e.g. cancel), status, completed_at, result JSON, error, history JSON, duration ms,
-- relay entry, envelope JSON (only read for a dead letter), agent, attempts, required current status ("" = any),
-- model ("" for none), model tier ("" for none), cost in cents (every attempt)
-- Returns one value per task: 1 written, 0 already terminal (nothing written), -1 not in the required status.
local terminal = {{TERMINAL_STATUSES}}
local ttl, now = tonumber(ARGV[1]), tonumber(ARGV[2])
local replies, counts = {}, {}
local function count(metrics, field, n)
  local fields = counts[metrics]
  if not fields then
    fields = {}
    counts[metrics] = fields
  end
  fields[field] = (fields[field] or 0) + n
end
for i = 1, #KEYS / 5 do
  local k, a = 5 * (i - 1), 2 + 16 * (i - 1)
  local task, stream, metrics, dead, relay = KEYS[k + 1], KEYS[k + 2], KEYS[k + 3], KEYS[k + 4], KEYS[k + 5]
  local group, entry, status, at, result, err, history = ARGV[a + 1], ARGV[a + 2], ARGV[a + 3], ARGV[a + 4],
      ARGV[a + 5], ARGV[a + 6], ARGV[a + 7]
  local current = redis.call('HGET', task, 'status')
  if current and terminal[current] then
    if entry ~= '' then
      redis.call('XACK', stream, group, entry)
    end
    replies[i] = 0
  elseif ARGV[a + 13] ~= '' and current ~= ARGV[a + 13] then
    replies[i] = -1
  else
    local attempts = ARGV[a + 12]
    redis.call('HSET', task, 'status', status, 'completed_at', at, 'result', result, 'error', err, 'history', history,
        'attempts', attempts, 'model', ARGV[a + 14], 'model_tier', ARGV[a + 15], 'cost_cents', ARGV[a + 16])
    redis.call('EXPIRE', task, ttl)
    redis.call('ZADD', relay, now, ARGV[a + 9])
    if status == 'completed' then
      count(metrics, 'processed', 1)
    else
      count(metrics, 'failed', 1)
      if status ~= 'failed' then
        count(metrics, status, 1)
      end
    end
    count(metrics, 'duration_ms_total', tonumber(ARGV[a + 8]))
    if status == 'dead_lettered' then
      redis.call('XADD', dead, '*', 'data', ARGV[a + 10], 'error', err, 'history', history, 'agent', ARGV[a + 11],
          'attempts', attempts, 'failed_at', at, 'original_id', entry)
    end
    if entry ~= '' then
      redis.call('XACK', stream, group, entry)
    end
    replies[i] = 1
  end
end
for metrics, fields in pairs(counts) do
  for field, n in pairs(fields) do
    redis.call('HINCRBY', metrics, field, n)
  end
end
return replies
