package io.genesis.objectstore;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The signatures of AWS's published examples for Signature Version 4 with the Authorization header ("Signature
 * Calculations for the Authorization Header: Transferring Payload in a Single Chunk", Amazon S3 API reference): same
 * keys, date, bucket and requests, same signatures.
 */
class SigV4Test {

    // AWS's own published EXAMPLE credentials from the documentation quoted above (not a real account, TEST-ONLY):
    // the published signatures can only be reproduced with them; no configuration reads them
    private static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String HOST = "examplebucket.s3.amazonaws.com";
    private static final String DATE = "20130524T000000Z";
    private static final String SCOPE = "Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request";
    private final SigV4 signer = new SigV4(ACCESS_KEY, SECRET_KEY, "us-east-1", "s3");

    private static Map<String, String> headers(String... pairs) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            headers.put(pairs[i], pairs[i + 1]);
        }
        return headers;
    }

    @Test
    void getObjectWithARange() {
        String authorization = signer.authorization("GET", "/test.txt", Map.of(), headers("Host", HOST, "Range", "bytes=0-9",
                "x-amz-content-sha256", SigV4.EMPTY_SHA256, "x-amz-date", DATE), SigV4.EMPTY_SHA256);
        assertEquals("AWS4-HMAC-SHA256 " + SCOPE + ", SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                + " Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41", authorization);
    }

    @Test
    void putObjectWithAnEncodedKey() {
        String payloadHash = SigV4.sha256Hex("Welcome to Amazon S3.".getBytes(StandardCharsets.UTF_8));
        assertEquals("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072", payloadHash);
        String path = SigV4.encodePath("/test$file.text");
        assertEquals("/test%24file.text", path);
        String authorization = signer.authorization("PUT", path, Map.of(), headers("Host", HOST,
                "Date", "Fri, 24 May 2013 00:00:00 GMT", "x-amz-date", DATE, "x-amz-storage-class", "REDUCED_REDUNDANCY",
                "x-amz-content-sha256", payloadHash), payloadHash);
        assertEquals("AWS4-HMAC-SHA256 " + SCOPE + ", SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,"
                + " Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd", authorization);
    }

    @Test
    void getBucketLifecycleWithAValuelessParameter() {
        String authorization = signer.authorization("GET", "/", Map.of("lifecycle", ""), headers("Host", HOST,
                "x-amz-date", DATE, "x-amz-content-sha256", SigV4.EMPTY_SHA256), SigV4.EMPTY_SHA256);
        assertEquals("AWS4-HMAC-SHA256 " + SCOPE + ", SignedHeaders=host;x-amz-content-sha256;x-amz-date,"
                + " Signature=fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543", authorization);
    }

    @Test
    void listObjectsWithParametersSortedByName() {
        String authorization = signer.authorization("GET", "/", Map.of("prefix", "J", "max-keys", "2"), headers("Host", HOST,
                "x-amz-date", DATE, "x-amz-content-sha256", SigV4.EMPTY_SHA256), SigV4.EMPTY_SHA256);
        assertEquals("AWS4-HMAC-SHA256 " + SCOPE + ", SignedHeaders=host;x-amz-content-sha256;x-amz-date,"
                + " Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7", authorization);
    }

    @Test
    void keysAreEncodedSegmentBySegment() {
        assertEquals("sites/inbox-pilot-3f2a9c1d/2/articles/a%20b~_.html", SigV4.encodePath("sites/inbox-pilot-3f2a9c1d/2/articles/a b~_.html"));
        assertEquals("%C3%A9t%C3%A9%2B%2A", SigV4.encode("été+*"));
        assertEquals("20130524T000000Z", SigV4.amzDate(Instant.parse("2013-05-24T00:00:00Z")));
    }

    @Test
    void theSecretKeyIsNeverShownAndRequestsWithoutDateOrHostAreRefused() {
        assertFalse(signer.toString().contains(SECRET_KEY));
        assertThrows(IllegalArgumentException.class, () -> signer.authorization("GET", "/", Map.of(), headers("Host", HOST),
                SigV4.EMPTY_SHA256));
        assertThrows(IllegalArgumentException.class, () -> new SigV4(ACCESS_KEY, " ", "us-east-1", "s3"));
    }
}
