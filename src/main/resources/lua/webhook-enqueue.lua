-- Enqueue one webhook job atomically with its 'queued' status, so the delivery can be looked up by id at once.
-- KEYS[1] webhook jobs (ZSET, score = due epoch ms), KEYS[2] status (HASH delivery id -> JSON),
-- KEYS[3] status expiry (ZSET delivery id -> expiry epoch ms)
-- ARGV[1] job member, ARGV[2] due epoch ms, ARGV[3] delivery id, ARGV[4] status JSON, ARGV[5] now epoch ms,
-- ARGV[6] status TTL s
-- Returns 1 when the job was added, 0 when that exact member was already queued.
local added = redis.call('ZADD', KEYS[1], 'NX', ARGV[2], ARGV[1])
if added == 1 then
  local ttl = tonumber(ARGV[6])
  redis.call('HSET', KEYS[2], ARGV[3], ARGV[4])
  redis.call('ZADD', KEYS[3], tonumber(ARGV[5]) + ttl * 1000, ARGV[3])
  redis.call('EXPIRE', KEYS[2], ttl)
  redis.call('EXPIRE', KEYS[3], ttl)
end
return added
