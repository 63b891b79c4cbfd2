-- Take a batch of result rows for writing to PostgreSQL. Rows move to this worker's in-flight list, so a crash
-- between claim and commit loses nothing: the same worker (stable id) resumes them first. Rows already held (moved
-- there by a blocking BLMOVE, or left by a crash) are topped up with waiting ones to the batch size.
-- KEYS[1] outbox list, KEYS[2] this worker's in-flight list; ARGV[1] batch size
-- Returns every row held in flight.
local room = tonumber(ARGV[1]) - redis.call('LLEN', KEYS[2])
if room > 0 then
  local more = redis.call('LPOP', KEYS[1], room)
  if more then
    redis.call('RPUSH', KEYS[2], unpack(more))
  end
end
return redis.call('LRANGE', KEYS[2], 0, -1)
