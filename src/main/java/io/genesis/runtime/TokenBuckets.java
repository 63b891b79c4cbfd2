package io.genesis.runtime;

import io.genesis.redis.LuaScript;
import io.genesis.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Token buckets in Redis, shared by every worker (one atomic script per take, timed by the Redis server's clock): how
 * per-tenant rate limits hold across any number of servers.
 */
@ApplicationScoped
public class TokenBuckets {

    private static final LuaScript TAKE = LuaScript.load("token_bucket");

    @Inject
    RedisConnection redis;

    @Inject
    RuntimeKeys keys;

    /**
     * Takes one token from {@code bucket}, which refills at {@code perSecond} up to {@code burst}: 0 when taken, else
     * the milliseconds until a token is there (nothing taken).
     */
    public long take(String bucket, double perSecond, int burst) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a bucket needs a positive rate and a burst of at least 1");
        }
        Object wait = TAKE.run(redis.client(), List.of(keys.tokenBucket(bucket)),
                List.of(Double.toString(perSecond), Integer.toString(burst)));
        return Long.parseLong(LuaScript.text(wait));
    }
}
