package io.genesis.runtime.ops;

import java.util.HashMap;
import java.util.Map;

/** What an operator wants from Redis {@code INFO}: server version and memory in use. */
public record RedisServerInfo(String version, String usedMemoryHuman, Long usedMemoryBytes) {

    /** Parses the {@code field:value} lines of an {@code INFO} reply; missing fields stay null. */
    public static RedisServerInfo parse(String info) {
        Map<String, String> fields = new HashMap<>();
        if (info != null) {
            info.lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#") && line.indexOf(':') > 0)
                    .forEach(line -> fields.put(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 1)));
        }
        return new RedisServerInfo(fields.get("redis_version"), fields.get("used_memory_human"),
                number(fields.get("used_memory")));
    }

    private static Long number(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
