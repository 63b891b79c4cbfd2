-- A consumer starts one delivery of a task.
-- KEYS[1] task state, KEYS[2] stream, KEYS[3] topic metrics
-- ARGV[1] group, ARGV[2] entry id, ARGV[3] worker id, ARGV[4] now (ISO), ARGV[5] state TTL s,
-- ARGV[6] delivery_attempts from the envelope, ARGV[7..] state field/value pairs to seed a missing state
-- Returns {-1, status} for a task already terminal (entry acked, nothing to do: duplicate delivery),
-- else {attempt number, history JSON}.
local status = redis.call('HGET', KEYS[1], 'status')
if status == 'completed' or status == 'failed' or status == 'dead_lettered' or status == 'timed_out' or status == 'cancelled' then
  redis.call('XACK', KEYS[2], ARGV[1], ARGV[2])
  return {-1, status}
end
if not status then
  redis.call('HSET', KEYS[1], unpack(ARGV, 7))
end
local attempts = tonumber(redis.call('HGET', KEYS[1], 'attempts') or '0') or 0
local delivered = tonumber(ARGV[6]) or 0
if delivered > attempts then
  attempts = delivered
end
attempts = attempts + 1
redis.call('HSET', KEYS[1], 'status', 'processing', 'attempts', attempts, 'started_at', ARGV[4], 'worker_id', ARGV[3])
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[5]))
if attempts == 1 then
  redis.call('HINCRBY', KEYS[3], 'received', 1)
end
return {attempts, redis.call('HGET', KEYS[1], 'history') or '[]'}
