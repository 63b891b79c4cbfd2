-- Consumers start a batch of deliveries (those of one XREADGROUP read), each one atomically as before.
-- KEYS per delivery i (from 3*(i-1)): task state, stream, topic metrics
-- ARGV[1] worker id, ARGV[2] now (ISO), ARGV[3] state TTL s; then per delivery: group, entry id, delivery_attempts
-- from the envelope, n = number of state field/value values to seed a missing state, then those n values
-- Returns two values per delivery: -1 and the status for a task already terminal (entry acked, nothing to do:
-- duplicate delivery), else the attempt number and the history JSON.
local terminal = {{TERMINAL_STATUSES}}
local worker, now, ttl = ARGV[1], ARGV[2], tonumber(ARGV[3])
local replies = {}
local received = {}
local a = 4
for i = 1, #KEYS / 3 do
  local task, stream, metrics = KEYS[3 * i - 2], KEYS[3 * i - 1], KEYS[3 * i]
  local group, entry, delivered, seeds = ARGV[a], ARGV[a + 1], tonumber(ARGV[a + 2]) or 0, tonumber(ARGV[a + 3])
  local state = redis.call('HMGET', task, 'status', 'attempts', 'history')
  local status = state[1]
  if status and terminal[status] then
    redis.call('XACK', stream, group, entry)
    replies[#replies + 1] = -1
    replies[#replies + 1] = status
  else
    if not status and seeds > 0 then
      redis.call('HSET', task, unpack(ARGV, a + 4, a + 3 + seeds))
    end
    local attempts = tonumber(state[2] or '0') or 0
    if delivered > attempts then
      attempts = delivered
    end
    attempts = attempts + 1
    redis.call('HSET', task, 'status', 'processing', 'attempts', attempts, 'started_at', now, 'worker_id', worker)
    redis.call('EXPIRE', task, ttl)
    if attempts == 1 then
      received[metrics] = (received[metrics] or 0) + 1
    end
    replies[#replies + 1] = attempts
    replies[#replies + 1] = state[3] or '[]'
  end
  a = a + 4 + seeds
end
for metrics, count in pairs(received) do
  redis.call('HINCRBY', metrics, 'received', count)
end
return replies
