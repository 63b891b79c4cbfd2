package io.genesis.runtime;

import io.genesis.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.exceptions.JedisException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Which path a {@code POST /api/invoke} takes: the async runtime (stream, retries, dead letters) or the synchronous
 * in-request path ({@link InlineInvocation}). The share sent async is {@code genesis.rollout.async-percent} (0-100,
 * default 100) unless an operator set another one at run time ({@code PUT /api/runtime/rollout}, kept in Redis so every
 * server follows it at once, no restart). A request's path is fixed by its key (Idempotency-Key, else X-Request-Id):
 * SHA-256 of the key picks a bucket 0-99 and buckets below the percent go async, so a retry with the same key stays on
 * its path and raising the percent only moves requests from sync to async, never back.
 */
@ApplicationScoped
public class Rollout {

    private static final Logger LOG = Logger.getLogger(Rollout.class.getName());

    /** The two paths of a synchronous invoke. */
    public enum Path {
        SYNC, ASYNC;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The share in force and where it comes from: {@code config} or {@code operator}. */
    public record Share(int asyncPercent, String source) {
    }

    @Inject
    @ConfigProperty(name = "genesis.rollout.async-percent")
    int configuredPercent;

    @Inject
    RedisConnection redis;

    @Inject
    RuntimeKeys keys;

    /** The share in force; the configured one when no operator set one, or when Redis cannot be read. */
    public Share share() {
        try {
            String set = redis.client().get(keys.rolloutAsyncPercent());
            if (set != null) {
                return new Share(checked(Integer.parseInt(set)), "operator");
            }
        } catch (JedisException | IllegalArgumentException e) {
            LOG.log(Level.FINE, "rollout share not readable; using genesis.rollout.async-percent", e);
        }
        return new Share(checked(configuredPercent), "config");
    }

    /** Sets the share for every server at once. */
    public Share set(int asyncPercent) {
        redis.client().set(keys.rolloutAsyncPercent(), Integer.toString(checked(asyncPercent)));
        return share();
    }

    /** Drops the operator's share: {@code genesis.rollout.async-percent} is in force again. */
    public Share reset() {
        redis.client().del(keys.rolloutAsyncPercent());
        return share();
    }

    /** The path of a request with this key (null: a key of its own, drawn at random) under the share in force. */
    public Path pathFor(String requestKey) {
        return pathFor(Optional.ofNullable(requestKey).orElseGet(TaskPublisher::newTaskId), share().asyncPercent());
    }

    /** Bucket of the key (0-99) below the percent: async. 100 is always async, 0 never. */
    static Path pathFor(String requestKey, int asyncPercent) {
        return bucket(requestKey) < asyncPercent ? Path.ASYNC : Path.SYNC;
    }

    static int bucket(String requestKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(requestKey.getBytes(StandardCharsets.UTF_8));
            int high = ((digest[0] & 0xff) << 24) | ((digest[1] & 0xff) << 16) | ((digest[2] & 0xff) << 8) | (digest[3] & 0xff);
            return Integer.remainderUnsigned(high, 100);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static int checked(int asyncPercent) {
        if (asyncPercent < 0 || asyncPercent > 100) {
            throw new IllegalArgumentException("genesis.rollout.async-percent must be within 0..100, not " + asyncPercent);
        }
        return asyncPercent;
    }
}
