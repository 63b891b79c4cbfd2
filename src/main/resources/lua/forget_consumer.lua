-- Removes an idle consumer from a group, but only while it has nothing pending: checked and deleted in one atomic
-- step, so an entry the consumer read a moment ago can never be dropped from the group's pending list.
-- KEYS[1] stream; ARGV[1] group, ARGV[2] consumer. Returns 1 when removed, 0 when it holds entries.
local pending = redis.call('XPENDING', KEYS[1], ARGV[1], '-', '+', 1, ARGV[2])
if #pending > 0 then
  return 0
end
redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], ARGV[2])
return 1
