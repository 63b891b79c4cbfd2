-- One topic's round of the relay loop (TopicRelay), in the topic's hash slot: moves retries whose time has come from
-- the delayed set back onto the stream, then claims relay entries that are due: each is re-scored to now + lease, so no
-- other worker takes it while this one hands it on, and a crash mid-hand-on makes it due again (at-least-once).
-- KEYS[1] delayed sorted set, KEYS[2] topic stream, KEYS[3] topic relay (sorted set)
-- ARGV[1] now epoch ms, ARGV[2] max entries of each kind, ARGV[3] lease ms
-- Returns the number of retries released, then the claimed relay entries.
local now, max = ARGV[1], tonumber(ARGV[2])
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, max)
for _, member in ipairs(due) do
  redis.call('XADD', KEYS[2], '*', 'data', member)
  redis.call('ZREM', KEYS[1], member)
end
local claimed = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now, 'LIMIT', 0, max)
local lease_until = tonumber(now) + tonumber(ARGV[3])
for _, member in ipairs(claimed) do
  redis.call('ZADD', KEYS[3], 'XX', lease_until, member)
end
table.insert(claimed, 1, #due)
return claimed
