package io.genesis.sites;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Where a business's site lives: its slug (the name's words joined by dashes, at most 40 characters, then 8 hex
 * characters of the SHA-256 of the business id, so two businesses of one name never share a site) and its absolute
 * URL {@code <genesis.sites.public-base-url>/sites/<slug>/}.
 */
@ApplicationScoped
public class SiteAddresses {

    public static final String PUBLIC_BASE_URL_KEY = "genesis.sites.public-base-url";
    public static final String PATH = "/sites/";
    static final int MAX_NAME_SLUG = 40;
    static final int ID_HEX = 8;

    private String base;
    private String misconfigured;

    SiteAddresses() {
    }

    /** A URL that is no absolute http(s) URL (or carries a user, query or fragment) makes every {@link #url} fail, naming the key. */
    @Inject
    public SiteAddresses(@ConfigProperty(name = PUBLIC_BASE_URL_KEY) String publicBaseUrl) {
        URI uri;
        try {
            uri = URI.create(publicBaseUrl.strip());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawQuery() != null
                || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            this.misconfigured = PUBLIC_BASE_URL_KEY + " must be an absolute http(s) URL without user, query or fragment,"
                    + " e.g. https://genesis.example.com; got " + publicBaseUrl;
        } else {
            this.base = publicBaseUrl.strip().replaceAll("/+$", "");
        }
    }

    /** The slug of a business's site. */
    public static String slug(String businessId, String businessName) {
        String words = (businessName == null ? "" : businessName).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (words.length() > MAX_NAME_SLUG) {
            words = words.substring(0, MAX_NAME_SLUG).replaceAll("-+$", "");
        }
        try {
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(businessId.getBytes(StandardCharsets.UTF_8))).substring(0, ID_HEX);
            return words.isEmpty() ? "site-" + hex : words + "-" + hex;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** The absolute URL of a site, ending with a slash. */
    public String url(String slug) {
        return base() + PATH + slug + "/";
    }

    /** The configured public base URL, without a trailing slash; {@link IllegalStateException} when it is invalid. */
    public String base() {
        if (base == null) {
            throw new IllegalStateException(misconfigured);
        }
        return base;
    }
}
