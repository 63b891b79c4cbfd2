package io.genesis.sites;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One file of a site version as it is served: its path below {@code /sites/{slug}/}, content type and bytes, and a
 * strong ETag from the SHA-256 of the bytes.
 */
public record SiteFile(String path, String contentType, byte[] body, String etag) {

    public static final String HTML = "text/html; charset=utf-8";
    public static final String CSS = "text/css; charset=utf-8";
    public static final String XML = "application/xml; charset=utf-8";
    public static final String TEXT = "text/plain; charset=utf-8";
    private static final Pattern PATH = Pattern.compile("[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*\\.(html|css|xml|txt)");
    private static final int ETAG_HEX = 32;

    public SiteFile {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        if (path == null || !PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("not a site file path: " + path);
        }
    }

    /** A text file, UTF-8. */
    public static SiteFile text(String path, String contentType, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        return new SiteFile(path, contentType, body, etag(body));
    }

    /** The strong ETag of these bytes: a quoted 32-hex-character prefix of their SHA-256. */
    public static String etag(byte[] body) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)).substring(0, ETAG_HEX) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
