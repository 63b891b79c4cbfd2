package io.genesis.outbound;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The address rules, pure: how a host is spelled (every IPv4 form a resolver accepts: {@code 2130706433},
 * {@code 0x7f.1}, {@code 0177.0.0.1}, {@code 127.1}; bracketed IPv6 with IPv4 inside it; upper case; trailing dots)
 * and what kind of address it is. {@link Kind#FORBIDDEN} addresses (link-local, cloud metadata, unspecified,
 * multicast, broadcast, reserved) are never connected to; {@link Kind#RESTRICTED} ones (loopback, private, CGNAT,
 * unique-local) only for hosts an operator allowed.
 */
public final class OutboundAddress {

    /** What an address is to an outbound call. */
    public enum Kind { PUBLIC, RESTRICTED, FORBIDDEN }

    /** An address's kind and, unless public, what it is ("loopback", "cloud metadata"). */
    public record Verdict(Kind kind, String what) {
        static Verdict of(Kind kind, String what) {
            return new Verdict(kind, what);
        }
    }

    /** Names of cloud metadata services: never connected to, whatever they resolve to. */
    private static final Set<String> METADATA_NAMES = Set.of("metadata.google.internal", "metadata.goog", "metadata",
            "instance-data", "instance-data.ec2.internal", "metadata.azure.com", "metadata.tencentyun.com");
    private static final Pattern NUMERIC_LABEL = Pattern.compile("(?i)0x[0-9a-f]*|[0-9]+");
    private static final Verdict PUBLIC = Verdict.of(Kind.PUBLIC, "public");

    private OutboundAddress() {
    }

    /** The host as compared: lower case, without brackets and trailing dots. */
    public static String normal(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }

    /** A metadata service name, or {@code localhost} and its subdomains (always loopback): a name's own verdict. */
    public static Optional<Verdict> ofName(String normalHost) {
        if (METADATA_NAMES.contains(normalHost)) {
            return Optional.of(Verdict.of(Kind.FORBIDDEN, "cloud metadata"));
        }
        if (normalHost.equals("localhost") || normalHost.endsWith(".localhost")) {
            return Optional.of(Verdict.of(Kind.RESTRICTED, "loopback"));
        }
        return Optional.empty();
    }

    /**
     * The address a host spells, when it spells one: IPv6 (with or without brackets) or any IPv4 form; empty for a
     * name. A host whose last label is a number but that is no valid IPv4 address ({@code 1.2.3.999}) is refused with
     * {@link IllegalArgumentException} (resolvers disagree about such hosts).
     */
    public static Optional<InetAddress> literal(String host) {
        String h = normal(host);
        if (h.contains(":")) {
            if (h.contains("%")) {
                throw new IllegalArgumentException("a scoped IPv6 address");
            }
            try {
                return Optional.of(InetAddress.getByName(h));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not a valid IPv6 address");
            }
        }
        String[] labels = h.split("\\.", -1);
        if (!NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches()) {
            return Optional.empty();
        }
        return Optional.of(ipv4(labels).orElseThrow(() -> new IllegalArgumentException("not a valid IPv4 address")));
    }

    /** inet_aton: one to four parts, each decimal, {@code 0x} hex or {@code 0} octal; the last fills the rest. */
    private static Optional<InetAddress> ipv4(String[] parts) {
        if (parts.length > 4) {
            return Optional.empty();
        }
        long value = 0;
        for (int i = 0; i < parts.length; i++) {
            BigInteger part = number(parts[i]);
            boolean last = i == parts.length - 1;
            BigInteger max = BigInteger.ONE.shiftLeft(last ? 8 * (4 - i) : 8).subtract(BigInteger.ONE);
            if (part == null || part.compareTo(max) > 0) {
                return Optional.empty();
            }
            value = last ? (value << (8 * (4 - i))) | part.longValue() : (value << 8) | part.longValue();
        }
        byte[] bytes = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static BigInteger number(String part) {
        try {
            if (part.startsWith("0x")) {
                return part.length() == 2 ? BigInteger.ZERO : new BigInteger(part.substring(2), 16);
            }
            if (part.length() > 1 && part.startsWith("0")) {
                return new BigInteger(part.substring(1), 8);
            }
            return new BigInteger(part, 10);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The kind of an address; IPv6 addresses that carry an IPv4 one (compatible, NAT64, 6to4) are judged by it too. */
    public static Verdict of(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return ipv4(b);
        }
        Verdict own = ipv6(b);
        if (own.kind() != Kind.PUBLIC || !(address instanceof Inet6Address)) {
            return own;
        }
        byte[] embedded = embeddedIpv4(b);
        return embedded == null ? own : ipv4(embedded);
    }

    private static Verdict ipv4(byte[] b) {
        int a = b[0] & 0xff;
        int s = b[1] & 0xff;
        int c = b[2] & 0xff;
        int d = b[3] & 0xff;
        if (a == 169 && s == 254 && c == 169 && d == 254 || a == 100 && s == 100 && c == 100 && d == 200
                || a == 192 && s == 0 && c == 0 && d == 192 || a == 168 && s == 63 && c == 129 && d == 16) {
            return Verdict.of(Kind.FORBIDDEN, "cloud metadata");
        }
        if (a == 0) {
            return Verdict.of(Kind.FORBIDDEN, "unspecified");
        }
        if (a == 169 && s == 254) {
            return Verdict.of(Kind.FORBIDDEN, "link-local");
        }
        if (a >= 224 && a <= 239) {
            return Verdict.of(Kind.FORBIDDEN, "multicast");
        }
        if (a == 255 && s == 255 && c == 255 && d == 255) {
            return Verdict.of(Kind.FORBIDDEN, "broadcast");
        }
        if (a >= 240) {
            return Verdict.of(Kind.FORBIDDEN, "reserved");
        }
        if (a == 127) {
            return Verdict.of(Kind.RESTRICTED, "loopback");
        }
        if (a == 10 || a == 172 && s >= 16 && s <= 31 || a == 192 && s == 168 || a == 192 && s == 0 && c == 0
                || a == 198 && (s == 18 || s == 19)) {
            return Verdict.of(Kind.RESTRICTED, "private");
        }
        if (a == 100 && s >= 64 && s <= 127) {
            return Verdict.of(Kind.RESTRICTED, "shared (CGNAT)");
        }
        return PUBLIC;
    }

    private static Verdict ipv6(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (isAwsMetadata(b)) {
            return Verdict.of(Kind.FORBIDDEN, "cloud metadata");
        }
        if (allZeroUpTo(b, 16)) {
            return Verdict.of(Kind.FORBIDDEN, "unspecified");
        }
        if (allZeroUpTo(b, 15) && b[15] == 1) {
            return Verdict.of(Kind.RESTRICTED, "loopback");
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return Verdict.of(Kind.FORBIDDEN, "link-local");
        }
        if (first == 0xff) {
            return Verdict.of(Kind.FORBIDDEN, "multicast");
        }
        if ((first & 0xfe) == 0xfc || first == 0xfe && (second & 0xc0) == 0xc0) {
            return Verdict.of(Kind.RESTRICTED, "private (unique-local)");
        }
        return PUBLIC;
    }

    /** fd00:ec2::254, the AWS instance metadata service over IPv6. */
    private static boolean isAwsMetadata(byte[] b) {
        return (b[0] & 0xff) == 0xfd && b[1] == 0 && (b[2] & 0xff) == 0x0e && (b[3] & 0xff) == 0xc2
                && allZero(b, 4, 14) && b[14] == 0x02 && (b[15] & 0xff) == 0x54;
    }

    /** The IPv4 address inside an IPv4-compatible ({@code ::a.b.c.d}), NAT64 ({@code 64:ff9b::/96}) or 6to4 one. */
    private static byte[] embeddedIpv4(byte[] b) {
        boolean compatible = allZeroUpTo(b, 12);
        boolean mapped = allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12);
        if (compatible || mapped || nat64) {
            return new byte[]{b[12], b[13], b[14], b[15]};
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return new byte[]{b[2], b[3], b[4], b[5]};
        }
        return null;
    }

    private static boolean allZeroUpTo(byte[] b, int end) {
        return allZero(b, 0, end);
    }

    private static boolean allZero(byte[] b, int from, int end) {
        for (int i = from; i < end; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
