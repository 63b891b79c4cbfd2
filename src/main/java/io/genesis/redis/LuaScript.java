package io.genesis.redis;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A Lua script run atomically on Redis, loaded from the classpath ({@code /lua/<name>.lua}) and invoked by SHA
 * (EVALSHA), falling back to EVAL once when the server's script cache was flushed.
 */
public final class LuaScript {

    private final String name;
    private final String source;
    private final String sha;

    private LuaScript(String name, String source) {
        this.name = name;
        this.source = source;
        this.sha = sha1(source);
    }

    public static LuaScript load(String name) {
        return load(name, Map.of());
    }

    /**
     * Loads the script with each {@code {{NAME}}} placeholder replaced by its value: how a script gets a constant that
     * the Java code owns (e.g. the set of terminal task statuses) without repeating it.
     */
    public static LuaScript load(String name, Map<String, String> constants) {
        try (InputStream in = LuaScript.class.getResourceAsStream("/lua/" + name + ".lua")) {
            if (in == null) {
                throw new IllegalStateException("missing Lua script /lua/" + name + ".lua");
            }
            String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> constant : constants.entrySet()) {
                source = source.replace("{{" + constant.getKey() + "}}", constant.getValue());
            }
            if (source.contains("{{")) {
                throw new IllegalStateException("Lua script " + name + " has a placeholder without a value");
            }
            return new LuaScript(name, source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Object run(UnifiedJedis redis, List<String> keys, List<String> args) {
        try {
            return redis.evalsha(sha, keys, args);
        } catch (JedisNoScriptException e) {
            return redis.eval(source, keys, args);
        }
    }

    /** A script's reply element as text (Redis answers bulk strings as bytes, integers as Long). */
    public static String text(Object reply) {
        return reply instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(reply);
    }

    public String name() {
        return name;
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
