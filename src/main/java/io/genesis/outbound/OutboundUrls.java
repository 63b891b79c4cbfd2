package io.genesis.outbound;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which URLs Genesis calls for a tenant: {@code http} or {@code https}, to a public address, or to a loopback or
 * private one only when its host is listed in {@code genesis.http.outbound.allowed-hosts} (dev and test receivers);
 * link-local and cloud metadata addresses never. {@link #checkGiven} judges a URL as written when it is taken;
 * {@link #addresses} resolves it when it is called and judges every address, and the caller connects only to those.
 * Immutable once built; dependent (no client proxy), so the allow-list is a final field read once per user.
 */
@Dependent
public class OutboundUrls {

    static final String ALLOWED_HOSTS_KEY = "genesis.http.outbound.allowed-hosts";

    private final Set<String> allowedHosts;

    @Inject
    public OutboundUrls(@ConfigProperty(name = ALLOWED_HOSTS_KEY) Optional<String> allowedHosts) {
        this.allowedHosts = allowedHosts.map(list -> Arrays.stream(list.split(",")).map(String::trim)
                .filter(host -> !host.isEmpty()).map(OutboundUrls::canonical).collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }

    /** Refuses ({@link OutboundUrlRefused} naming {@code field}) a URL that is no http(s) URL or that spells a refused host. */
    public URI checkGiven(String url, String field) {
        URI uri = parse(url).orElseThrow(() -> new OutboundUrlRefused(field, "must be an absolute http:// or https:// URL"));
        Optional<OutboundAddress.Verdict> verdict;
        String host;
        try {
            host = host(uri);
            port(uri);
            verdict = OutboundAddress.ofName(host).or(() -> OutboundAddress.literal(host).map(OutboundAddress::of));
        } catch (IllegalArgumentException e) {
            throw new OutboundUrlRefused(field, "has a host or port that is " + e.getMessage());
        }
        verdict.flatMap(v -> refusal(host, v)).ifPresent(reason -> {
            throw new OutboundUrlRefused(field, reason);
        });
        return uri;
    }

    /**
     * Every address {@code uri}'s host stands for, each judged; throws {@link OutboundUrlRefused} (field {@code url})
     * when any is refused, so a name that resolves to one public and one internal address is refused as a whole.
     */
    public List<InetAddress> addresses(URI uri) throws UnknownHostException {
        String host;
        try {
            host = host(uri);
        } catch (IllegalArgumentException e) {
            throw new OutboundUrlRefused("url", "has a host that is " + e.getMessage());
        }
        Optional<OutboundAddress.Verdict> named = OutboundAddress.ofName(host);
        if (named.isPresent()) {
            refusal(host, named.get()).ifPresent(reason -> {
                throw new OutboundUrlRefused("url", reason);
            });
        }
        List<InetAddress> addresses;
        try {
            addresses = OutboundAddress.literal(host).map(List::of).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new OutboundUrlRefused("url", "has a host that is " + e.getMessage());
        }
        if (addresses == null) {
            addresses = List.of(InetAddress.getAllByName(host));
        }
        for (InetAddress address : addresses) {
            refusal(host, OutboundAddress.of(address)).ifPresent(reason -> {
                throw new OutboundUrlRefused("url", reason + " (" + host + " is " + address.getHostAddress() + ")");
            });
        }
        return addresses;
    }

    /** The reason a host with this verdict is refused, if it is. */
    private Optional<String> refusal(String host, OutboundAddress.Verdict verdict) {
        return switch (verdict.kind()) {
            case PUBLIC -> Optional.empty();
            case FORBIDDEN -> Optional.of("points to a " + verdict.what() + " address, which Genesis never calls");
            case RESTRICTED -> allowedHosts.contains(canonical(host)) ? Optional.empty()
                    : Optional.of("points to a " + verdict.what() + " address; only hosts listed in " + ALLOWED_HOSTS_KEY
                    + " may be");
        };
    }

    /** A host as the allow-list compares it: an address in its one canonical form, a name in lower case. */
    private static String canonical(String host) {
        String normal = OutboundAddress.normal(host);
        try {
            return OutboundAddress.literal(normal).map(InetAddress::getHostAddress).orElse(normal);
        } catch (IllegalArgumentException e) {
            return normal;
        }
    }

    /**
     * The host of an http(s) URL, normal ({@link OutboundAddress#normal}): {@link URI#getHost()} gives none for hosts
     * such as {@code 127.1} or {@code 0x7f.1}, so it is then read from the authority; a percent-encoded host is refused.
     */
    public static String host(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
            host = authority.substring(authority.lastIndexOf('@') + 1);
            if (host.startsWith("[")) {
                host = host.substring(0, host.indexOf(']') + 1);
            } else if (host.matches(".*:[0-9]*")) {
                host = host.substring(0, host.lastIndexOf(':'));
            }
        }
        if (host.isEmpty() || host.contains("%") && !host.startsWith("[")) {
            throw new IllegalArgumentException(host.isEmpty() ? "missing" : "percent-encoded");
        }
        return OutboundAddress.normal(host);
    }

    /** The port a URL names, or its scheme's. */
    public static int port(URI uri) {
        if (uri.getPort() >= 0) {
            if (uri.getPort() > 65535) {
                throw new IllegalArgumentException("not a valid port");
            }
            return uri.getPort();
        }
        String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = hostPort.lastIndexOf(':');
        if (colon > hostPort.lastIndexOf(']') && colon < hostPort.length() - 1) {
            String digits = hostPort.substring(colon + 1);
            if (!digits.matches("[0-9]{1,5}") || Integer.parseInt(digits) > 65535) {
                throw new IllegalArgumentException("not a valid port");
            }
            return Integer.parseInt(digits);
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static Optional<URI> parse(String url) {
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return uri.isAbsolute() && uri.getRawAuthority() != null
                    && (scheme.equals("http") || scheme.equals("https")) ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * How a URL is shown (delivery status, logs): {@code scheme://host[:port]/path}, never its userinfo, query or
     * fragment, which may carry secrets; text that is no URL shows as {@code (not a URL)}.
     */
    public static String shown(String url) {
        try {
            URI uri = new URI(url.trim());
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return "(not a URL)";
            }
            String authority = uri.getRawAuthority().substring(uri.getRawAuthority().lastIndexOf('@') + 1);
            return uri.getScheme() + "://" + authority + (uri.getRawPath() == null ? "" : uri.getRawPath());
        } catch (URISyntaxException e) {
            return "(not a URL)";
        }
    }
}
