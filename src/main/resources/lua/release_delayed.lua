-- Move retries whose time has come from the delayed set back onto their topic streams.
-- KEYS[1] delayed sorted set; ARGV[1] now epoch ms, ARGV[2] max entries, ARGV[3] stream key prefix ("omni-stream:")
-- (Stream keys are derived from each envelope's topic: single-instance Redis, not Redis Cluster.)
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
for _, member in ipairs(due) do
  local topic = cjson.decode(member)['topic']
  redis.call('XADD', ARGV[3] .. topic, '*', 'data', member)
  redis.call('ZREM', KEYS[1], member)
end
return #due
