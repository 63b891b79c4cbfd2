package io.genesis.objectstore;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One bucket of an S3-compatible store: {@link #put} and {@link #get} of whole objects, each request signed with
 * {@link SigV4} over {@code java.net.http} (HTTP/1.1, no redirects, a timeout per request). Path-style addressing
 * ({@code <endpoint>/<bucket>/<key>}, what MinIO and most self-hosted stores expect) or virtual-hosted style
 * ({@code <bucket>.<endpoint host>/<key>}, Amazon S3's default). Thread-safe.
 */
public final class S3Bucket {

    /** Where the bucket is and how it is addressed. */
    public record Location(URI endpoint, String region, String bucket, boolean pathStyle) {
        public Location {
            String scheme = endpoint == null || endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || endpoint.getHost() == null || endpoint.getRawUserInfo() != null
                    || endpoint.getRawQuery() != null || !(endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty()
                    || endpoint.getRawPath().equals("/"))) {
                throw new IllegalArgumentException("an S3 endpoint is an http(s) URL of a host (and port), without user, path or query; got "
                        + endpoint);
            }
            if (bucket == null || !BUCKET.matcher(bucket).matches()) {
                throw new IllegalArgumentException("not an S3 bucket name (3-63 of a-z 0-9 . -): " + bucket);
            }
            if (region == null || region.isBlank()) {
                throw new IllegalArgumentException("an S3 region is needed (us-east-1 for MinIO unless it says otherwise)");
            }
        }
    }

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern ERROR_CODE = Pattern.compile("<Code>([^<]{1,100})</Code>");
    private static final int HTTP_OK = 200;
    private static final int HTTP_NOT_FOUND = 404;

    private final Location location;
    private final SigV4 signer;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;

    public S3Bucket(Location location, String accessKey, String secretKey, Duration timeout, Clock clock) {
        this.location = location;
        this.signer = new SigV4(accessKey, secretKey, location.region(), "s3");
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout).build();
    }

    public Location location() {
        return location;
    }

    /** Stores {@code body} under {@code key} (replacing what was there) with the given Content-Type. */
    public void put(String key, String contentType, byte[] body) {
        HttpResponse<byte[]> response = send("PUT", key, Map.of("content-type", contentType), body);
        if (response.statusCode() != HTTP_OK) {
            throw refused("PUT", key, response);
        }
    }

    /** The object's bytes; empty when there is no such object. */
    public Optional<byte[]> get(String key) {
        HttpResponse<byte[]> response = send("GET", key, Map.of(), null);
        if (response.statusCode() == HTTP_NOT_FOUND) {
            return Optional.empty();
        }
        if (response.statusCode() != HTTP_OK) {
            throw refused("GET", key, response);
        }
        return Optional.of(response.body());
    }

    /** Whether the bucket exists and these credentials may use it (HEAD of the bucket: 200; 404 or 403: no). */
    public boolean reachable() {
        HttpResponse<byte[]> response = send("HEAD", "", Map.of(), null);
        return response.statusCode() == HTTP_OK;
    }

    private HttpResponse<byte[]> send(String method, String key, Map<String, String> extraHeaders, byte[] body) {
        URI endpoint = location.endpoint();
        String host = endpoint.getHost();
        String path = "/" + SigV4.encodePath(key);
        if (location.pathStyle()) {
            path = "/" + location.bucket() + (key.isEmpty() ? "" : path);
        } else {
            host = location.bucket() + "." + host;
        }
        int port = endpoint.getPort();
        boolean defaultPort = port == -1 || port == ("https".equalsIgnoreCase(endpoint.getScheme()) ? 443 : 80);
        String authority = defaultPort ? host : host + ":" + port;
        byte[] payload = body == null ? new byte[0] : body;
        String payloadHash = body == null ? SigV4.EMPTY_SHA256 : SigV4.sha256Hex(payload);
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("x-amz-date", SigV4.amzDate(clock.instant()));
        headers.put("x-amz-content-sha256", payloadHash);
        Map<String, String> signed = new LinkedHashMap<>(headers);
        signed.put("host", authority);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.getScheme() + "://" + authority + path))
                .timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(payload))
                .header("Authorization", signer.authorization(method, path, Map.of(), signed, payloadHash));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ObjectStoreUnavailable(method + " " + describe(key) + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ObjectStoreUnavailable(method + " " + describe(key) + " interrupted", e);
        }
    }

    private ObjectStoreUnavailable refused(String method, String key, HttpResponse<byte[]> response) {
        Matcher code = ERROR_CODE.matcher(new String(response.body(), StandardCharsets.UTF_8));
        return new ObjectStoreUnavailable(method + " " + describe(key) + " answered " + response.statusCode()
                + (code.find() ? " " + code.group(1) : ""));
    }

    private String describe(String key) {
        return "s3://" + location.bucket() + "/" + key + " at " + location.endpoint();
    }
}
