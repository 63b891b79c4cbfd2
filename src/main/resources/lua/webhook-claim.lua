-- Claim due webhook jobs atomically: up to ARGV[3] members with score <= now are re-scored to now + lease, so no
-- other worker sees them as due while this one sends, and a crash mid-send makes them due again (at-least-once).
-- KEYS[1] webhook jobs (ZSET, score = due epoch ms)
-- ARGV[1] now epoch ms, ARGV[2] lease ms, ARGV[3] most members to claim
-- Returns the claimed members.
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
local lease_until = tonumber(ARGV[1]) + tonumber(ARGV[2])
for _, member in ipairs(due) do
  redis.call('ZADD', KEYS[1], 'XX', lease_until, member)
end
return due
