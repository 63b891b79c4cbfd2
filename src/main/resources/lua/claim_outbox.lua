-- Take a batch of result rows for writing to PostgreSQL. Rows move to this worker's in-flight list, so a crash
-- between claim and commit loses nothing: the same worker (stable id) resumes them first.
-- KEYS[1] outbox list, KEYS[2] this worker's in-flight list; ARGV[1] batch size
local held = redis.call('LRANGE', KEYS[2], 0, -1)
if #held > 0 then
  return held
end
local batch = redis.call('LPOP', KEYS[1], tonumber(ARGV[1]))
if not batch then
  return {}
end
redis.call('RPUSH', KEYS[2], unpack(batch))
return batch
