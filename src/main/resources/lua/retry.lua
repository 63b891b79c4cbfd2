-- A failed attempt that will be retried: park the next delivery in the delayed set and ack this one, atomically.
-- KEYS[1] task state, KEYS[2] stream, KEYS[3] topic metrics, KEYS[4] the topic's delayed sorted set (one hash slot)
-- ARGV[1] group, ARGV[2] entry id, ARGV[3] due epoch ms, ARGV[4] next envelope JSON, ARGV[5] error,
-- ARGV[6] history JSON, ARGV[7] state TTL s
redis.call('HSET', KEYS[1], 'status', 'queued', 'error', ARGV[5], 'history', ARGV[6])
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[7]))
redis.call('ZADD', KEYS[4], tonumber(ARGV[3]), ARGV[4])
redis.call('HINCRBY', KEYS[3], 'retried', 1)
redis.call('XACK', KEYS[2], ARGV[1], ARGV[2])
return 1
