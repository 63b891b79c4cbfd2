-- Settle one webhook attempt atomically: remove the claimed job, re-add it for its next attempt if there is one,
-- and record the delivery's status. Status fields cannot expire one by one (Redis < 7.4), so an expiry index
-- drops entries older than the TTL here, and the keys themselves expire when no delivery happens for a TTL.
-- KEYS[1] webhook jobs (ZSET), KEYS[2] status (HASH delivery id -> JSON), KEYS[3] latest delivery per task
-- (HASH task id -> delivery id), KEYS[4] status expiry (ZSET delivery id -> expiry epoch ms)
-- ARGV[1] claimed member, ARGV[2] member for the next attempt ('' for none), ARGV[3] its due epoch ms,
-- ARGV[4] delivery id ('' to record no status), ARGV[5] task id ('' for a business delivery), ARGV[6] status JSON,
-- ARGV[7] now epoch ms, ARGV[8] status TTL s, ARGV[9] '1' when this attempt delivered
-- Returns 1 when this caller still held the job, 0 when it had been settled elsewhere (its lease had run out).
local held = redis.call('ZREM', KEYS[1], ARGV[1])
if held == 1 and ARGV[2] ~= '' then
  redis.call('ZADD', KEYS[1], ARGV[3], ARGV[2])
end
if ARGV[4] ~= '' and (held == 1 or ARGV[9] == '1') then
  local now = tonumber(ARGV[7])
  local ttl = tonumber(ARGV[8])
  redis.call('HSET', KEYS[2], ARGV[4], ARGV[6])
  if ARGV[5] ~= '' then
    redis.call('HSET', KEYS[3], ARGV[5], ARGV[4])
  end
  redis.call('ZADD', KEYS[4], now + ttl * 1000, ARGV[4])
  local expired = redis.call('ZRANGEBYSCORE', KEYS[4], '-inf', now, 'LIMIT', 0, 100)
  for _, id in ipairs(expired) do
    local status = redis.call('HGET', KEYS[2], id)
    if status then
      local ok, decoded = pcall(cjson.decode, status)
      if ok and type(decoded) == 'table' and type(decoded.task_id) == 'string'
          and redis.call('HGET', KEYS[3], decoded.task_id) == id then
        redis.call('HDEL', KEYS[3], decoded.task_id)
      end
      redis.call('HDEL', KEYS[2], id)
    end
    redis.call('ZREM', KEYS[4], id)
  end
  for i = 2, 4 do
    redis.call('EXPIRE', KEYS[i], ttl)
  end
end
return held
