package io.genesis.redis;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedisUrlTest {

    @Test
    void oneRedisWithCredentialsTlsAndDatabase() {
        RedisUrl url = RedisUrl.parse("rediss://app:s3cret@cache.internal:6380/2");
        assertFalse(url.cluster());
        assertEquals(Set.of(new HostAndPort("cache.internal", 6380)), url.nodes());
        assertEquals("app", url.user());
        assertEquals("s3cret", url.password());
        assertTrue(url.ssl());
        assertEquals(2, url.database());
        assertEquals("rediss://cache.internal:6380/2", url.redacted());
        assertFalse(url.redacted().contains("s3cret"), "never logs the password");
    }

    @Test
    void aClusterNamesItsSeedNodes() {
        RedisUrl url = RedisUrl.parse("redis-cluster://:p%40ss@10.0.0.1:7000,10.0.0.2:7001,redis-2:7002");
        assertTrue(url.cluster());
        assertEquals(Set.of(new HostAndPort("10.0.0.1", 7000), new HostAndPort("10.0.0.2", 7001),
                new HostAndPort("redis-2", 7002)), url.nodes());
        assertNull(url.user());
        assertEquals("p@ss", url.password());
        assertFalse(url.ssl());
        assertNull(url.database());
        assertTrue(url.redacted().startsWith("redis-cluster://"));
        assertFalse(url.redacted().contains("p@ss"), "never logs the password");
        assertTrue(RedisUrl.parse("rediss-cluster://app:pw@node:6380").ssl());
    }

    @Test
    void malformedUrlsAreRefusedWithTheAcceptedForms() {
        assertThrows(IllegalStateException.class, () -> RedisUrl.parse("http://localhost:6379"));
        assertThrows(IllegalStateException.class, () -> RedisUrl.parse("not a url"));
        IllegalStateException noPort = assertThrows(IllegalStateException.class, () -> RedisUrl.parse("redis-cluster://a:7000,b"));
        assertTrue(noPort.getMessage().contains("redis-cluster://"), noPort.getMessage());
        assertThrows(IllegalStateException.class, () -> RedisUrl.parse("redis-cluster://a:7000/0"));
    }
}
