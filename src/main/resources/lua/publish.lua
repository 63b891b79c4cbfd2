-- Publish one task atomically: idempotency check, stream entry, initial task state (a hash).
-- KEYS[1] stream, KEYS[2] task state key, KEYS[3] idempotency key (all in the topic's hash slot; KEYS[3] is unused
-- when the request has no idempotency key)
-- ARGV[1] task id, ARGV[2] envelope JSON, ARGV[3] state TTL s,
-- ARGV[4] idempotency value "<task id>|<request hash>" ("" for no idempotency key), ARGV[5] idempotency TTL s,
-- ARGV[6..] state field/value pairs
-- Returns {1, task id} when published, {0, existing idempotency value} when the key was seen before.
if ARGV[4] ~= '' then
  local existing = redis.call('GET', KEYS[3])
  if existing then
    return {0, existing}
  end
  redis.call('SET', KEYS[3], ARGV[4], 'EX', tonumber(ARGV[5]))
end
redis.call('XADD', KEYS[1], '*', 'data', ARGV[2])
redis.call('DEL', KEYS[2])
redis.call('HSET', KEYS[2], unpack(ARGV, 6))
redis.call('EXPIRE', KEYS[2], tonumber(ARGV[3]))
return {1, ARGV[1]}
