package io.genesis.payments;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A purchase's {@code vendor_url} in the one form the catalogue match ({@link Vendor#serves}) and the vendor call see:
 * an absolute http(s) URL without credentials, lower-case scheme and host without a trailing dot, no default port, no
 * fragment. A path that could mean another path to someone else ({@code .} or {@code ..} segments, an encoded dot,
 * slash or backslash) is refused rather than resolved, so a URL under a vendor's prefix cannot reach outside it.
 */
final class VendorUrl {

    static final String FIELD = "vendor_url";
    private static final int MAX_LENGTH = 2048;
    private static final Pattern ENCODED_SEPARATOR = Pattern.compile("(?i)%(2e|2f|5c)");

    private VendorUrl() {
    }

    static URI normalised(String vendorUrl) {
        if (vendorUrl == null || vendorUrl.isBlank()) {
            throw InvalidPaymentRequest.malformed(FIELD, "vendor_url is required");
        }
        URI url;
        try {
            url = new URI(vendorUrl.trim());
        } catch (URISyntaxException e) {
            throw InvalidPaymentRequest.malformed(FIELD, "vendor_url is not a valid URL: " + e.getReason());
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || url.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))
                || vendorUrl.length() > MAX_LENGTH || url.getRawUserInfo() != null) {
            throw InvalidPaymentRequest.malformed(FIELD, "vendor_url must be an absolute http(s) URL of at most " + MAX_LENGTH
                    + " characters, without credentials");
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        if (ENCODED_SEPARATOR.matcher(path).find()) {
            throw InvalidPaymentRequest.malformed(FIELD, "vendor_url must not encode dots, slashes or backslashes in its path (%2e, %2f, %5c)");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                throw InvalidPaymentRequest.malformed(FIELD, "vendor_url must not contain '.' or '..' path segments");
            }
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int port = url.getPort();
        boolean defaultPort = port == -1 || port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https");
        return URI.create(scheme + "://" + host + (defaultPort ? "" : ":" + port) + path
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
    }
}
