package io.genesis.objectstore;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * AWS Signature Version 4 of one request, as AWS specifies it ("Authenticating Requests: Using the Authorization
 * Header", single-chunk payload): canonical request, string to sign, the derived signing key, and the
 * {@code Authorization} header. Pure: the time, headers and payload hash are given; tested against AWS's published
 * examples.
 */
public final class SigV4 {

    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    /** SHA-256 of the empty payload (a GET, a HEAD). */
    public static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private final String accessKey;
    private final String secretKey;
    private final String region;
    private final String service;

    public SigV4(String accessKey, String secretKey, String region, String service) {
        this.accessKey = requireText(accessKey, "access key");
        this.secretKey = requireText(secretKey, "secret key");
        this.region = requireText(region, "region");
        this.service = requireText(service, "service");
    }

    /** {@code x-amz-date} of an instant: {@code 20130524T000000Z}. */
    public static String amzDate(Instant at) {
        return AMZ_DATE.format(at);
    }

    /**
     * The {@code Authorization} header of a request.
     *
     * @param method      HTTP method, upper case
     * @param encodedPath the URI path exactly as sent (already {@link #encodePath percent-encoded}), {@code /} for none
     * @param query       query parameters, not encoded (a parameter without value: empty string)
     * @param headers     every header to sign, {@code host}, {@code x-amz-date} and {@code x-amz-content-sha256} among them
     * @param payloadHash hex SHA-256 of the body, as sent in {@code x-amz-content-sha256}
     */
    public String authorization(String method, String encodedPath, Map<String, String> query, Map<String, String> headers,
                                String payloadHash) {
        SortedMap<String, String> canonicalHeaders = new TreeMap<>();
        headers.forEach((name, value) -> canonicalHeaders.put(name.toLowerCase(Locale.ROOT), value.strip().replaceAll("\\s+", " ")));
        String amzDate = canonicalHeaders.get("x-amz-date");
        if (amzDate == null || !canonicalHeaders.containsKey("host")) {
            throw new IllegalArgumentException("sign the host and x-amz-date headers");
        }
        String signedHeaders = String.join(";", canonicalHeaders.keySet());
        String canonicalRequest = method + "\n" + encodedPath + "\n" + canonicalQuery(query) + "\n"
                + canonicalHeaders.entrySet().stream().map(h -> h.getKey() + ":" + h.getValue() + "\n").collect(Collectors.joining())
                + "\n" + signedHeaders + "\n" + payloadHash;
        String day = amzDate.substring(0, 8);
        String scope = day + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), day);
        for (String part : new String[] {region, service, "aws4_request"}) {
            key = hmac(key, part);
        }
        String signature = HEX.formatHex(hmac(key, stringToSign));
        return ALGORITHM + " Credential=" + accessKey + "/" + scope + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;
    }

    /** A path with every segment URI-encoded the way SigV4 wants it ({@code /} kept between segments). */
    public static String encodePath(String path) {
        return Arrays.stream(path.split("/", -1)).map(SigV4::encode).collect(Collectors.joining("/"));
    }

    /** RFC 3986 percent-encoding of everything but the unreserved characters {@code A-Z a-z 0-9 - . _ ~}. */
    public static String encode(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX.withUpperCase().toHexDigits(b));
            }
        }
        return encoded.toString();
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static String canonicalQuery(Map<String, String> query) {
        return new TreeMap<>(query.entrySet().stream().collect(Collectors.toMap(e -> encode(e.getKey()), e -> encode(e.getValue()))))
                .entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("SigV4 needs a " + what);
        }
        return value;
    }

    /** Never shows the secret key. */
    @Override
    public String toString() {
        return "SigV4[" + accessKey + ", " + region + ", " + service + "]";
    }
}
