-- Hand task_finished notices on to their topic (the relay's second step, in the target topic's hash slot): each notice
-- is queued like a published task (stream entry + queued state) unless its state already exists, so a notice handed
-- on twice (a relay crash between hand-on and removal) is queued once; begin.lua acks a delivery of a task that is
-- already terminal, so a duplicate that slipped through runs no handler twice after the first finished.
-- KEYS[1] target stream, KEYS[1 + i] task state of notice i
-- ARGV[1] state TTL s; then per notice: envelope JSON, n = number of state field/value values, then those n values
-- Returns the number of notices queued (the others were there already).
local ttl = tonumber(ARGV[1])
local queued = 0
local a = 2
for i = 2, #KEYS do
  local n = tonumber(ARGV[a + 1])
  if redis.call('EXISTS', KEYS[i]) == 0 then
    redis.call('HSET', KEYS[i], unpack(ARGV, a + 2, a + 1 + n))
    redis.call('EXPIRE', KEYS[i], ttl)
    redis.call('XADD', KEYS[1], '*', 'data', ARGV[a])
    queued = queued + 1
  end
  a = a + 2 + n
end
return queued
