package io.genesis.runtime;

import io.genesis.api.JsonConventions;
import io.genesis.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.params.SetParams;

import java.util.Optional;

/** Task states in Redis (polling view), each with the configured TTL. */
@ApplicationScoped
public class TaskStore {

    @Inject
    RedisConnection redis;

    @Inject
    RuntimeKeys keys;

    @Inject
    @ConfigProperty(name = "genesis.tasks.result-ttl-seconds")
    long ttlSeconds;

    public Optional<TaskState> find(String taskId) {
        String json = redis.client().get(keys.task(taskId));
        return json == null ? Optional.empty() : Optional.of(JsonConventions.jsonb().fromJson(json, TaskState.class));
    }

    public void save(TaskState state) {
        redis.client().set(keys.task(state.taskId()), toJson(state), SetParams.setParams().ex(ttlSeconds));
    }

    public long ttlSeconds() {
        return ttlSeconds;
    }

    static String toJson(TaskState state) {
        return JsonConventions.jsonb().toJson(state);
    }
}
