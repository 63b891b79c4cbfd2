package io.genesis.runtime.ops;

import io.genesis.redis.RedisConnection;
import io.genesis.runtime.AgentPolicy;
import io.genesis.runtime.RuntimeKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.resps.StreamConsumerInfo;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamGroupInfo;
import redis.clients.jedis.resps.StreamInfo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the bus for operators. Whatever covers every topic is pipelined (one round trip per stage, not one per
 * key), so a page over 23 topics costs one or two network round trips. Streams, groups and hashes that do not
 * exist yet read as empty.
 */
@ApplicationScoped
public class BusReader {

    @Inject
    RedisConnection redis;

    @Inject
    RuntimeKeys keys;

    /**
     * Stream length, groups, dead-letter depth and counters of each topic, in the order given. With
     * {@code withConsumers} a second round trip adds each group's consumers.
     */
    public List<TopicState> topics(Collection<AgentPolicy> policies, boolean withConsumers) {
        record Pending(AgentPolicy policy, Response<Long> length, Response<List<StreamGroupInfo>> groups,
                       Response<Long> dlq, Response<Map<String, String>> counters) {
        }
        List<Pending> pending = new ArrayList<>();
        try (AbstractPipeline pipe = redis.client().pipelined()) {
            for (AgentPolicy policy : policies) {
                String stream = keys.stream(policy.topic());
                pending.add(new Pending(policy, pipe.xlen(stream), pipe.xinfoGroups(stream),
                        pipe.xlen(keys.deadLetters(policy.topic())), pipe.hgetAll(keys.metrics(policy.topic()))));
            }
            pipe.sync();
        }
        Map<String, List<StreamGroupInfo>> groupsByTopic = new LinkedHashMap<>();
        for (Pending p : pending) {
            groupsByTopic.put(p.policy().topic(), orEmpty(p.groups()));
        }
        Map<GroupKey, List<GroupState.ConsumerState>> consumers = withConsumers ? consumers(groupsByTopic) : Map.of();
        List<TopicState> states = new ArrayList<>();
        for (Pending p : pending) {
            String topic = p.policy().topic();
            List<GroupState> groups = groupsByTopic.get(topic).stream()
                    .map(info -> group(info, consumers.getOrDefault(new GroupKey(topic, info.getName()), List.of())))
                    .toList();
            states.add(new TopicState(p.policy(), keys.stream(topic), p.length().get(), groups,
                    keys.deadLetters(topic), p.dlq().get(), TopicCounters.from(p.counters().get())));
        }
        return states;
    }

    /** Cumulative counters of each topic (one pipelined round trip). */
    public Map<AgentPolicy, TopicCounters> counters(Collection<AgentPolicy> policies) {
        Map<AgentPolicy, Response<Map<String, String>>> replies = new LinkedHashMap<>();
        try (AbstractPipeline pipe = redis.client().pipelined()) {
            for (AgentPolicy policy : policies) {
                replies.put(policy, pipe.hgetAll(keys.metrics(policy.topic())));
            }
            pipe.sync();
        }
        Map<AgentPolicy, TopicCounters> counters = new LinkedHashMap<>();
        replies.forEach((policy, reply) -> counters.put(policy, TopicCounters.from(reply.get())));
        return counters;
    }

    /** Dead-letter depth of each topic (one pipelined round trip). */
    public Map<AgentPolicy, Long> deadLetterDepths(Collection<AgentPolicy> policies) {
        Map<AgentPolicy, Response<Long>> replies = new LinkedHashMap<>();
        try (AbstractPipeline pipe = redis.client().pipelined()) {
            for (AgentPolicy policy : policies) {
                replies.put(policy, pipe.xlen(keys.deadLetters(policy.topic())));
            }
            pipe.sync();
        }
        Map<AgentPolicy, Long> depths = new LinkedHashMap<>();
        replies.forEach((policy, reply) -> depths.put(policy, reply.get()));
        return depths;
    }

    /** {@code XINFO STREAM} of each topic stream (one pipelined round trip). */
    public List<StreamSummary> streams(Collection<AgentPolicy> policies) {
        Map<AgentPolicy, Response<StreamInfo>> replies = new LinkedHashMap<>();
        try (AbstractPipeline pipe = redis.client().pipelined()) {
            for (AgentPolicy policy : policies) {
                replies.put(policy, pipe.xinfoStream(keys.stream(policy.topic())));
            }
            pipe.sync();
        }
        List<StreamSummary> summaries = new ArrayList<>();
        replies.forEach((policy, reply) -> {
            StreamInfo info = orNull(reply);
            String stream = keys.stream(policy.topic());
            summaries.add(info == null
                    ? new StreamSummary(policy.topic(), policy.agent(), stream, 0, 0, null, null, null)
                    : new StreamSummary(policy.topic(), policy.agent(), stream, info.getLength(), info.getGroups(),
                    idOf(info.getFirstEntry()), idOf(info.getLastEntry()),
                    info.getLastGeneratedId() == null ? null : info.getLastGeneratedId().toString()));
        });
        return summaries;
    }

    /** The newest {@code limit} entries of a stream, newest first. */
    public List<StreamEntry> newest(String streamKey, int limit) {
        return redis.client().xrevrange(streamKey, "+", "-", limit);
    }

    public long length(String streamKey) {
        return redis.client().xlen(streamKey);
    }

    /** Redis {@code INFO} (default sections), parsed down to version and memory. */
    public RedisServerInfo serverInfo() {
        return RedisServerInfo.parse(redis.info());
    }

    /** A consumer group of one topic's stream. */
    private record GroupKey(String topic, String group) {
    }

    private Map<GroupKey, List<GroupState.ConsumerState>> consumers(Map<String, List<StreamGroupInfo>> groupsByTopic) {
        if (groupsByTopic.values().stream().allMatch(List::isEmpty)) {
            return Map.of();
        }
        Map<GroupKey, Response<List<StreamConsumerInfo>>> replies = new LinkedHashMap<>();
        try (AbstractPipeline pipe = redis.client().pipelined()) {
            groupsByTopic.forEach((topic, groups) -> groups.forEach(group -> replies.put(new GroupKey(topic, group.getName()),
                    pipe.xinfoConsumers2(keys.stream(topic), group.getName()))));
            pipe.sync();
        }
        Map<GroupKey, List<GroupState.ConsumerState>> consumers = new LinkedHashMap<>();
        replies.forEach((key, reply) -> consumers.put(key, orEmpty(reply).stream()
                .map(c -> new GroupState.ConsumerState(c.getName(), c.getPending(), c.getIdle(), c.getInactive()))
                .toList()));
        return consumers;
    }

    private static GroupState group(StreamGroupInfo info, List<GroupState.ConsumerState> consumers) {
        Map<String, Object> raw = info.getGroupInfo();
        return new GroupState(info.getName(), info.getConsumers(), info.getPending(),
                info.getLastDeliveredId() == null ? null : info.getLastDeliveredId().toString(),
                number(raw.get("entries-read")), number(raw.get("lag")), consumers);
    }

    private static Long number(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }

    private static String idOf(StreamEntry entry) {
        return entry == null ? null : entry.getID().toString();
    }

    private static <T> List<T> orEmpty(Response<List<T>> reply) {
        List<T> value = orNull(reply);
        return value == null ? List.of() : value;
    }

    /** The reply, or null when Redis answered that the stream or group does not exist (yet). */
    private static <T> T orNull(Response<T> reply) {
        try {
            return reply.get();
        } catch (JedisDataException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.startsWith("ERR no such key") || message.startsWith("NOGROUP")) {
                return null;
            }
            throw e;
        }
    }
}
