package io.genesis.runtime.ops;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RedisServerInfoTest {

    @Test
    void readsVersionAndMemoryFromInfoText() {
        String info = "# Server\r\nredis_version:6.2.11\r\nredis_mode:standalone\r\n\r\n# Memory\r\n"
                + "used_memory:1048576\r\nused_memory_human:1.00M\r\n";
        assertEquals(new RedisServerInfo("6.2.11", "1.00M", 1048576L), RedisServerInfo.parse(info));
    }

    @Test
    void missingFieldsStayNull() {
        RedisServerInfo info = RedisServerInfo.parse("# Server\nused_memory:lots\n");
        assertNull(info.version());
        assertNull(info.usedMemoryBytes());
        assertNull(RedisServerInfo.parse(null).usedMemoryHuman());
    }
}
