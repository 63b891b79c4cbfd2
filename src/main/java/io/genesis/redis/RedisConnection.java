package io.genesis.redis;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.util.JedisURIHelper;

import java.net.URI;
import java.time.Duration;
import java.util.logging.Logger;

/** The application's pooled Redis client, configured from {@code redis.url} (env {@code REDIS_URL}). */
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

    private RedisClient client;

    @PostConstruct
    void connect() {
        URI uri = parse(url);
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeoutMs)
                .socketTimeoutMillis(timeoutMs)
                .blockingSocketTimeoutMillis(timeoutMs + BLOCKING_HEADROOM_MS)
                .clientName("genesis")
                .user(JedisURIHelper.getUser(uri))
                .password(JedisURIHelper.getPassword(uri))
                .ssl(JedisURIHelper.isRedisSSLScheme(uri));
        if (JedisURIHelper.hasDbIndex(uri)) {
            config.database(JedisURIHelper.getDBIndex(uri));
        }
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(poolSize);
        pool.setMaxIdle(poolSize);
        pool.setMinIdle(0);
        pool.setMaxWait(Duration.ofMillis(timeoutMs));
        pool.setTestWhileIdle(true);
        pool.setTimeBetweenEvictionRuns(Duration.ofSeconds(30));
        client = RedisClient.builder()
                .hostAndPort(JedisURIHelper.getHostAndPort(uri))
                .clientConfig(config.build())
                .poolConfig(pool)
                .build();
        LOG.info("Redis client for " + redacted(uri) + " (pool " + poolSize + ")");
    }

    /** The shared client; thread-safe, every call borrows a pooled connection. */
    public RedisClient client() {
        return client;
    }

    /** Redis's answer to PING ({@code PONG} when it is up); throws when it cannot be reached. */
    public String ping() {
        return client().ping();
    }

    /** Where the client points, without credentials. */
    public String describe() {
        return redacted(parse(url));
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }

    static URI parse(String value) {
        URI uri;
        try {
            uri = URI.create(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("redis.url is not a valid URI (expected redis://[user:password@]host:port[/db])", e);
        }
        if (!JedisURIHelper.isValid(uri) || !(JedisURIHelper.isRedisScheme(uri) || JedisURIHelper.isRedisSSLScheme(uri))) {
            throw new IllegalStateException("redis.url must look like redis://[user:password@]host:port[/db] or rediss://...");
        }
        return uri;
    }

    static String redacted(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort() + (uri.getPath() == null ? "" : uri.getPath());
    }
}
