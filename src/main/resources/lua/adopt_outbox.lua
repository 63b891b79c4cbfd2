-- Hand the result rows dead workers held in flight back to the outbox, so another worker writes them to PostgreSQL.
-- A worker that crashed and never comes back under the same id (a pod replaced under a new name, a scale-down) would
-- otherwise leave them in Redis for good. Writing a row twice is harmless (ON CONFLICT (task_id) DO NOTHING), so a
-- worker that was only paused and wakes up to write its batch loses nothing either. All dead workers of one heartbeat
-- round in one call: a list already handed back is empty and costs nothing more.
-- KEYS[1] the outbox list, KEYS[2..n] the dead workers' in-flight lists
-- Returns the number of rows handed back.
local moved = 0
for k = 2, #KEYS do
  local rows = redis.call('LRANGE', KEYS[k], 0, -1)
  for i = 1, #rows, 1000 do
    redis.call('RPUSH', KEYS[1], unpack(rows, i, math.min(i + 999, #rows)))
  end
  if #rows > 0 then
    redis.call('DEL', KEYS[k])
    moved = moved + #rows
  end
end
return moved
