-- Hand the result rows a dead worker held in flight back to the outbox, so another worker writes them to PostgreSQL.
-- A worker that crashed and never comes back under the same id (a pod replaced under a new name, a scale-down) would
-- otherwise leave them in Redis for good. Writing a row twice is harmless (ON CONFLICT (task_id) DO NOTHING), so a
-- worker that was only paused and wakes up to write its batch loses nothing either.
-- KEYS[1] the dead worker's in-flight list, KEYS[2] the outbox list
-- Returns the number of rows handed back.
local rows = redis.call('LRANGE', KEYS[1], 0, -1)
if #rows == 0 then
  return 0
end
for i = 1, #rows, 1000 do
  redis.call('RPUSH', KEYS[2], unpack(rows, i, math.min(i + 999, #rows)))
end
redis.call('DEL', KEYS[1])
return #rows
