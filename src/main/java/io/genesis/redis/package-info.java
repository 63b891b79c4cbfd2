/**
 * The Redis connection: one pooled client built from {@code redis.url} (redis:// or rediss://, user, password, db).
 * Owns connection set-up only; stream and key semantics belong to the runtime package.
 */
package io.genesis.redis;
