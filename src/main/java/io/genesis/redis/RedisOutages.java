package io.genesis.redis;

import io.genesis.problem.DependencyUnavailable;
import io.genesis.problem.OutageClassifier;
import jakarta.enterprise.context.ApplicationScoped;
import redis.clients.jedis.exceptions.JedisClusterException;
import redis.clients.jedis.exceptions.JedisClusterOperationException;
import redis.clients.jedis.exceptions.JedisConnectionException;

import java.util.Optional;

/**
 * Redis out of reach while serving a request: a refused, reset or timed-out connection of the pooled client, or on a
 * Redis Cluster a slot without a reachable primary ({@code CLUSTERDOWN}, or the client's retries across nodes used up,
 * e.g. during a failover).
 */
@ApplicationScoped
public class RedisOutages implements OutageClassifier {

    @Override
    public Optional<DependencyUnavailable> classify(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JedisConnectionException || t instanceof JedisClusterException
                    || t instanceof JedisClusterOperationException) {
                return Optional.of(new DependencyUnavailable("redis",
                        "Redis (the task bus) is unreachable; retry shortly. GET /api/runtime shows the runtime status.", error));
            }
        }
        return Optional.empty();
    }
}
