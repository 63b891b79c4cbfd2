package io.genesis.redis;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;

import java.time.Duration;
import java.util.logging.Logger;

/**
 * The application's pooled Redis client, configured from {@code redis.url} (env {@code REDIS_URL}): one Redis
 * ({@code redis://}, {@code rediss://}) or a Redis Cluster ({@code redis-cluster://host:port,host:port},
 * {@code rediss-cluster://}), with the same pool, timeouts and credentials either way ({@link RedisUrl}). Both clients
 * are a {@link UnifiedJedis}; the cluster client routes each command and script call by its keys' hash slot.
 */
@ApplicationScoped
public class RedisConnection {

    private static final Logger LOG = Logger.getLogger(RedisConnection.class.getName());

    @Inject
    @ConfigProperty(name = "redis.url")
    String url;

    @Inject
    @ConfigProperty(name = "genesis.redis.pool-size")
    int poolSize;

    @Inject
    @ConfigProperty(name = "genesis.redis.timeout-ms")
    int timeoutMs;

    /** Blocking reads (XREADGROUP BLOCK) may wait this much longer than ordinary commands. */
    private static final int BLOCKING_HEADROOM_MS = 10_000;

    private RedisUrl target;
    private UnifiedJedis client;

    @PostConstruct
    void connect() {
        target = RedisUrl.parse(url);
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeoutMs)
                .socketTimeoutMillis(timeoutMs)
                .blockingSocketTimeoutMillis(timeoutMs + BLOCKING_HEADROOM_MS)
                .clientName("genesis")
                .user(target.user())
                .password(target.password())
                .ssl(target.ssl());
        if (target.database() != null) {
            config.database(target.database());
        }
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(poolSize);
        pool.setMaxIdle(poolSize);
        pool.setMinIdle(0);
        pool.setMaxWait(Duration.ofMillis(timeoutMs));
        pool.setTestWhileIdle(true);
        pool.setTimeBetweenEvictionRuns(Duration.ofSeconds(30));
        if (target.cluster()) {
            client = RedisClusterClient.builder()
                    .nodes(target.nodes())
                    .clientConfig(config.build())
                    .poolConfig(pool)
                    .maxTotalRetriesDuration(Duration.ofMillis(timeoutMs))
                    .build();
        } else {
            client = RedisClient.builder()
                    .hostAndPort(target.nodes().iterator().next())
                    .clientConfig(config.build())
                    .poolConfig(pool)
                    .build();
        }
        LOG.info("Redis client for " + target.redacted() + " (pool " + poolSize + (target.cluster() ? " per node" : "") + ")");
    }

    /** The shared client; thread-safe, every call borrows a pooled connection (of the key's node on a cluster). */
    public UnifiedJedis client() {
        return client;
    }

    /** True when {@code redis.url} names a Redis Cluster. */
    public boolean cluster() {
        return target.cluster();
    }

    /** Redis's answer to PING ({@code PONG} when it is up); throws when it cannot be reached. */
    public String ping() {
        return client().ping();
    }

    /**
     * {@code INFO} (default sections) of the server, or of one primary of a cluster (version and memory of one node:
     * a keyless command has no slot to route by).
     */
    public String info() {
        if (client instanceof RedisClusterClient cluster) {
            for (ConnectionPool node : cluster.getClusterNodes().values()) {
                try (Jedis jedis = new Jedis(node.getResource())) {
                    return jedis.info();
                } catch (RuntimeException unreachable) {
                    // try the next node
                }
            }
            throw new IllegalStateException("no Redis Cluster node answered INFO");
        }
        return client.info();
    }

    /** Where the client points, without credentials. */
    public String describe() {
        return target.redacted();
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}
