package io.genesis.runtime;

import io.genesis.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import redis.clients.jedis.params.XAddParams;

import java.util.Map;

/**
 * Streams of observations (events for dashboards, not tasks): one entry with field {@code data} appended to
 * {@code omni-stream:<topic>}, the stream capped at about a given length. No consumer group, no task state.
 */
@ApplicationScoped
public class ObservationStreams {

    @Inject
    RedisConnection redis;

    @Inject
    RuntimeKeys keys;

    /** Appends {@code data} to the topic's stream, trimming it to about {@code maxLength} entries. */
    public void append(String topic, JsonObject data, long maxLength) {
        redis.client().xadd(keys.stream(topic), XAddParams.xAddParams().maxLen(maxLength).approximateTrimming(),
                Map.of("data", data.toString()));
    }
}
