-- A task reaches a terminal status. One atomic step: state, SQL outbox row, counters, webhook job, dead letter
-- (with error and attempt history) and the ack. Nothing is acked that is not recorded.
-- KEYS[1] task state, KEYS[2] stream, KEYS[3] topic metrics, KEYS[4] result outbox, KEYS[5] webhook set,
-- KEYS[6] dead-letter stream, KEYS[7] notify stream ("" for none)
-- ARGV[1] group, ARGV[2] entry id ("" when no stream entry is held, e.g. cancel), ARGV[3] status,
-- ARGV[4] completed_at, ARGV[5] result JSON, ARGV[6] error, ARGV[7] history JSON, ARGV[8] state TTL s,
-- ARGV[9] duration ms, ARGV[10] outbox row JSON, ARGV[11] webhook job ("" for none), ARGV[12] webhook due ms,
-- ARGV[13] envelope JSON (only read for a dead letter; "" otherwise), ARGV[14] agent, ARGV[15] attempts, ARGV[16] required current status ("" = any),
-- ARGV[17] task_finished notice envelope JSON for the notify stream
-- Returns 0 if the task was already terminal (nothing written), -1 if it is not in the required status, else 1.
local current = redis.call('HGET', KEYS[1], 'status')
if current == 'completed' or current == 'failed' or current == 'dead_lettered' or current == 'timed_out' or current == 'cancelled' then
  if ARGV[2] ~= '' then
    redis.call('XACK', KEYS[2], ARGV[1], ARGV[2])
  end
  return 0
end
if ARGV[16] ~= '' and current ~= ARGV[16] then
  return -1
end
local status = ARGV[3]
redis.call('HSET', KEYS[1], 'status', status, 'completed_at', ARGV[4], 'result', ARGV[5], 'error', ARGV[6],
  'history', ARGV[7], 'attempts', ARGV[15])
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[8]))
redis.call('RPUSH', KEYS[4], ARGV[10])
if status == 'completed' then
  redis.call('HINCRBY', KEYS[3], 'processed', 1)
else
  redis.call('HINCRBY', KEYS[3], 'failed', 1)
  if status ~= 'failed' then
    redis.call('HINCRBY', KEYS[3], status, 1)
  end
end
redis.call('HINCRBY', KEYS[3], 'duration_ms_total', tonumber(ARGV[9]))
if ARGV[11] ~= '' then
  redis.call('ZADD', KEYS[5], tonumber(ARGV[12]), ARGV[11])
end
if status == 'dead_lettered' then
  redis.call('XADD', KEYS[6], '*', 'data', ARGV[13], 'error', ARGV[6], 'history', ARGV[7], 'agent', ARGV[14],
    'attempts', ARGV[15], 'failed_at', ARGV[4], 'original_id', ARGV[2])
end
if KEYS[7] ~= '' then
  redis.call('XADD', KEYS[7], '*', 'data', ARGV[17])
end
if ARGV[2] ~= '' then
  redis.call('XACK', KEYS[2], ARGV[1], ARGV[2])
end
return 1
