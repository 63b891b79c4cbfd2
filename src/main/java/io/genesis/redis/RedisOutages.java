package io.genesis.redis;

import io.genesis.problem.DependencyUnavailable;
import io.genesis.problem.OutageClassifier;
import jakarta.enterprise.context.ApplicationScoped;
import redis.clients.jedis.exceptions.JedisConnectionException;

import java.util.Optional;

/** Redis out of reach while serving a request (a refused, reset or timed-out connection of the pooled client). */
@ApplicationScoped
public class RedisOutages implements OutageClassifier {

    @Override
    public Optional<DependencyUnavailable> classify(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JedisConnectionException) {
                return Optional.of(new DependencyUnavailable("redis",
                        "Redis (the task bus) is unreachable; retry shortly. GET /api/runtime shows the runtime status.", error));
            }
        }
        return Optional.empty();
    }
}
