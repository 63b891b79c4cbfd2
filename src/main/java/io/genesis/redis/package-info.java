/**
 * The Redis connection and the Lua script loader: one pooled client built from {@code redis.url} (redis:// or
 * rediss:// for one Redis, redis-cluster:// or rediss-cluster:// for a Redis Cluster; user, password, db) and scripts
 * run by SHA with their constants filled in at load time; tells a Redis outage apart
 * ({@link io.genesis.redis.RedisOutages}: 503 with Retry-After on any endpoint).
 * Must not know keys, streams or script arguments: those belong to the runtime's call objects.
 */
package io.genesis.redis;
