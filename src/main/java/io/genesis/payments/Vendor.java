package io.genesis.payments;

import java.net.URI;

/**
 * A catalogued vendor: the URL prefix of its paid resources, the only address it may be paid at (EIP-55 form), what it
 * sells, the x402 version it is expected to quote in, and its configured price in cents: what a simulated vendor quotes,
 * {@code null} for a real vendor whose price is only known from its own 402 quote.
 */
public record Vendor(String id, String name, String category, URI url, String payTo, int x402Version, Long priceCents) {

    /** True when {@code resource} is one of this vendor's resources (same origin, under its path). */
    public boolean serves(URI resource) {
        if (resource.getScheme() == null || resource.getHost() == null) {
            return false;
        }
        String base = url.getPath() == null ? "" : url.getPath();
        String path = resource.getPath() == null ? "" : resource.getPath();
        return resource.getScheme().equalsIgnoreCase(url.getScheme()) && resource.getHost().equalsIgnoreCase(url.getHost())
                && port(resource) == port(url) && (path.equals(base) || path.startsWith(base.endsWith("/") ? base : base + "/"));
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
