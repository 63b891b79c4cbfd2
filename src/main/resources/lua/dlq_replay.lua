-- Replay dead letters: for each entry, atomically with the others of this call, put the envelope back on the
-- topic stream (delivery_attempts already reset by the caller), queue the task state again (history kept)
-- and delete the dead letter. An entry that is no longer in the dead-letter stream is skipped.
-- KEYS[1] dead-letter stream, KEYS[2] topic stream, KEYS[2 + i] task state key of entry i
-- ARGV[1] task state TTL s; then per entry i three values: dead-letter entry id, envelope JSON to publish,
--   and a flat JSON object of the task state fields to write when the state hash is gone (expired)
-- Returns one flag per entry: 1 replayed, 0 not found.
local ttl = tonumber(ARGV[1])
local flags = {}
for i = 1, #KEYS - 2 do
  local base = 1 + (i - 1) * 3
  local id, envelope, fresh = ARGV[base + 1], ARGV[base + 2], ARGV[base + 3]
  if #redis.call('XRANGE', KEYS[1], id, id) == 1 then
    redis.call('XADD', KEYS[2], '*', 'data', envelope)
    local task = KEYS[2 + i]
    local kind = redis.call('TYPE', task)['ok']
    if kind == 'hash' then
      redis.call('HSET', task, 'status', 'queued', 'attempts', '0')
      redis.call('HDEL', task, 'error', 'result', 'started_at', 'completed_at', 'worker_id')
    else
      if kind ~= 'none' then
        redis.call('DEL', task)
      end
      local fields = {}
      for name, value in pairs(cjson.decode(fresh)) do
        fields[#fields + 1] = name
        fields[#fields + 1] = value
      end
      redis.call('HSET', task, unpack(fields))
    end
    redis.call('EXPIRE', task, ttl)
    redis.call('XDEL', KEYS[1], id)
    flags[i] = 1
  else
    flags[i] = 0
  end
end
return flags
