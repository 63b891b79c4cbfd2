package io.genesis.redis;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RedisConnectionTest {

    @Test
    void acceptsRedisAndRedissUrlsWithCredentialsAndDatabase() {
        URI uri = RedisConnection.parse("rediss://app:s3cret@cache.internal:6380/2");
        assertEquals("rediss", uri.getScheme());
        assertEquals("rediss://cache.internal:6380/2", RedisConnection.redacted(uri));
        assertFalse(RedisConnection.redacted(uri).contains("s3cret"), "never logs the password");
    }

    @Test
    void refusesWhatIsNotARedisUrl() {
        assertThrows(IllegalStateException.class, () -> RedisConnection.parse("http://localhost:6379"));
        assertThrows(IllegalStateException.class, () -> RedisConnection.parse("not a url"));
    }
}
