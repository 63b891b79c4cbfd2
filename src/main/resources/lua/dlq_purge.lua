-- Purge a dead-letter stream: count and delete in one step, so the count is exactly what was deleted.
-- KEYS[1] dead-letter stream. Returns the number of entries deleted.
local depth = redis.call('XLEN', KEYS[1])
redis.call('DEL', KEYS[1])
return depth
