package io.genesis.runtime.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs webhook requests: {@code X-Genesis-Signature: sha256=<hex>} where hex is HMAC-SHA256 with the shared
 * secret over {@code <X-Genesis-Timestamp>.<raw body>}. {@link #verify} is what a receiver runs (docs/webhooks.md).
 */
public final class WebhookSigner {

    public static final String SIGNATURE = "X-Genesis-Signature";
    public static final String TIMESTAMP = "X-Genesis-Timestamp";
    public static final String DELIVERY = "X-Genesis-Delivery";
    public static final String TASK_ID = "X-Genesis-Task-Id";
    public static final String BUSINESS_ID = "X-Genesis-Business-Id";
    public static final String ATTEMPT = "X-Genesis-Attempt";
    public static final String USER_AGENT = "genesis-webhooks/1";
    private static final String SCHEME = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] secret;

    public WebhookSigner(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("webhook secret must not be empty");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code sha256=<lower-case hex of HMAC-SHA256(secret, "<timestamp>.<body>")>}. */
    public String signature(long epochSeconds, String body) {
        return SCHEME + HexFormat.of().formatHex(hmac(secret, epochSeconds + "." + body));
    }

    /**
     * Every header of one delivery attempt (attempt counts from 1), in a stable order; {@code subjectHeader} names
     * what the delivery is about ({@value #TASK_ID} or {@value #BUSINESS_ID}) with {@code subjectId}.
     */
    public Map<String, String> headers(String deliveryId, String subjectHeader, String subjectId, int attempt, long epochSeconds,
                                       String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", USER_AGENT);
        headers.put(DELIVERY, deliveryId);
        headers.put(subjectHeader, subjectId);
        headers.put(ATTEMPT, String.valueOf(attempt));
        headers.put(TIMESTAMP, String.valueOf(epochSeconds));
        headers.put(SIGNATURE, signature(epochSeconds, body));
        return headers;
    }

    /**
     * What a receiver checks: the signature matches (constant-time compare) and the timestamp is within
     * {@code tolerance} of now, so a captured request cannot be replayed later.
     */
    public static boolean verify(String secret, String timestampHeader, String body, String signatureHeader,
                                 Duration tolerance) {
        return verify(secret, timestampHeader, body, signatureHeader, tolerance, Instant.now());
    }

    /** {@link #verify(String, String, String, String, Duration)} at a given instant. */
    public static boolean verify(String secret, String timestampHeader, String body, String signatureHeader,
                                 Duration tolerance, Instant now) {
        if (secret == null || secret.isEmpty() || timestampHeader == null || body == null || signatureHeader == null
                || !signatureHeader.startsWith(SCHEME)) {
            return false;
        }
        String stamp = timestampHeader.trim();
        long timestamp;
        try {
            timestamp = Long.parseLong(stamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = hmac(secret.getBytes(StandardCharsets.UTF_8), stamp + "." + body);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signatureHeader.substring(SCHEME.length()).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, given);
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
