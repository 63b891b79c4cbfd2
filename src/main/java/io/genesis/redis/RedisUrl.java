package io.genesis.redis;

import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.util.JedisURIHelper;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code redis.url} read: {@code redis://[user:password@]host:port[/db]} or {@code rediss://...} for one Redis, or
 * {@code redis-cluster://[user:password@]host:port[,host:port...]} ({@code rediss-cluster://} with TLS) for a Redis
 * Cluster, where the hosts are seed nodes (any reachable node lets the client discover the others). A cluster has no
 * database index.
 */
record RedisUrl(boolean cluster, Set<HostAndPort> nodes, String user, String password, boolean ssl, Integer database) {

    private static final String FORMS = "redis://[user:password@]host:port[/db], rediss://..., "
            + "redis-cluster://[user:password@]host:port[,host:port...] or rediss-cluster://...";

    static RedisUrl parse(String value) {
        String text = value == null ? "" : value.trim();
        if (text.startsWith("redis-cluster://") || text.startsWith("rediss-cluster://")) {
            return cluster(text);
        }
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("redis.url is not a valid URI (expected " + FORMS + ")", e);
        }
        if (!JedisURIHelper.isValid(uri) || !(JedisURIHelper.isRedisScheme(uri) || JedisURIHelper.isRedisSSLScheme(uri))) {
            throw new IllegalStateException("redis.url must look like " + FORMS);
        }
        return new RedisUrl(false, Set.of(JedisURIHelper.getHostAndPort(uri)), JedisURIHelper.getUser(uri),
                JedisURIHelper.getPassword(uri), JedisURIHelper.isRedisSSLScheme(uri),
                JedisURIHelper.hasDbIndex(uri) ? JedisURIHelper.getDBIndex(uri) : null);
    }

    private static RedisUrl cluster(String text) {
        boolean ssl = text.startsWith("rediss-");
        String rest = text.substring(text.indexOf("://") + 3);
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String credentials = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = credentials.indexOf(':');
            user = colon < 0 ? null : blankToNull(decode(credentials.substring(0, colon)));
            password = decode(colon < 0 ? credentials : credentials.substring(colon + 1));
        }
        Set<HostAndPort> nodes = new LinkedHashSet<>();
        for (String node : rest.split(",")) {
            int colon = node.lastIndexOf(':');
            try {
                if (colon <= 0 || node.contains("/")) {
                    throw new NumberFormatException();
                }
                int port = Integer.parseInt(node.substring(colon + 1));
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                nodes.add(new HostAndPort(node.substring(0, colon), port));
            } catch (NumberFormatException e) {
                throw new IllegalStateException("redis.url: cluster node '" + node + "' is not host:port (expected " + FORMS + ")");
            }
        }
        return new RedisUrl(true, Set.copyOf(nodes), user, password, ssl, null);
    }

    /** The URL without credentials, for logs and the runtime status. */
    String redacted() {
        StringBuilder text = new StringBuilder(cluster ? (ssl ? "rediss-cluster://" : "redis-cluster://") : (ssl ? "rediss://" : "redis://"));
        text.append(String.join(",", nodes.stream().map(HostAndPort::toString).toList()));
        if (database != null) {
            text.append('/').append(database);
        }
        return text.toString();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
