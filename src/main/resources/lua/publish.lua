-- Publish one task atomically: idempotency check, stream entry, initial task state.
-- KEYS[1] stream, KEYS[2] task state key, KEYS[3] idempotency key (or "" for none)
-- ARGV[1] task id, ARGV[2] envelope JSON, ARGV[3] state JSON, ARGV[4] state TTL s,
-- ARGV[5] idempotency value "<task id>|<request hash>", ARGV[6] idempotency TTL s
-- Returns {1, task id} when published, {0, existing idempotency value} when the key was seen before.
if KEYS[3] ~= '' then
  local existing = redis.call('GET', KEYS[3])
  if existing then
    return {0, existing}
  end
  redis.call('SET', KEYS[3], ARGV[5], 'EX', tonumber(ARGV[6]))
end
redis.call('XADD', KEYS[1], '*', 'data', ARGV[2])
redis.call('SET', KEYS[2], ARGV[3], 'EX', tonumber(ARGV[4]))
return {1, ARGV[1]}
