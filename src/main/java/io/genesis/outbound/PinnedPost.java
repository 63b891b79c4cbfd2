package io.genesis.outbound;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP/1.1 POST (or GET) to an outbound URL that connects only to the addresses {@link OutboundUrls#addresses}
 * judged, so a name cannot resolve to a public address when checked and to an internal one when connected (DNS
 * rebinding). The JDK's HTTP client resolves names itself and Java 17 has no resolver to plug in, hence this small client:
 * plain sockets, TLS with SNI and the certificate checked against the URL's host (the JVM's trust store), no
 * redirects, {@code Connection: close}, and only the status line and headers of the answer are read.
 */
public final class PinnedPost {

    private static final int MAX_HEAD_BYTES = 64 * 1024;

    /** The answer's status and {@code Retry-After}. */
    public record Answer(int status, String retryAfter) {
    }

    private final OutboundUrls urls;
    private final Duration timeout;
    private final SSLSocketFactory tls;

    /** With the JVM's default TLS context (its trust store). */
    public PinnedPost(OutboundUrls urls, Duration timeout) throws NoSuchAlgorithmException {
        this(urls, timeout, SSLContext.getDefault().getSocketFactory());
    }

    PinnedPost(OutboundUrls urls, Duration timeout, SSLSocketFactory tls) {
        this.urls = urls;
        this.timeout = timeout;
        this.tls = tls;
    }

    /**
     * Posts {@code body} with {@code headers}; {@link OutboundUrlRefused} when the URL or any address it resolves to is
     * refused, {@link IOException} (a {@link SocketTimeoutException} past the timeout) when no answer came.
     */
    public Answer post(URI uri, Map<String, String> headers, byte[] body) throws IOException {
        return exchange("POST", uri, headers, body);
    }

    /** A GET under the same rules as {@link #post} (no body is sent, only the answer's status line and headers are read). */
    public Answer get(URI uri, Map<String, String> headers) throws IOException {
        return exchange("GET", uri, headers, null);
    }

    private Answer exchange(String method, URI uri, Map<String, String> headers, byte[] body) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String host = OutboundUrls.host(uri);
        int port = OutboundUrls.port(uri);
        IOException last = null;
        for (InetAddress address : urls.addresses(uri)) {
            try (Socket socket = new Socket()) {
                try {
                    socket.connect(new InetSocketAddress(address, port), remainingMillis(deadline));
                } catch (IOException e) {
                    last = e;
                    continue;
                }
                Socket connected = "https".equalsIgnoreCase(uri.getScheme()) ? tls(socket, host, port) : socket;
                try (connected) {
                    connected.setSoTimeout(remainingMillis(deadline));
                    send(connected.getOutputStream(), method, uri, headers, body);
                    return answer(new BufferedInputStream(connected.getInputStream()), deadline, connected);
                }
            }
        }
        throw last != null ? last : new IOException("no address to connect to");
    }

    private Socket tls(Socket socket, String host, int port) throws IOException {
        SSLSocket tls = (SSLSocket) this.tls.createSocket(socket, host, port, true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!host.contains(":") && !Character.isDigit(host.charAt(host.length() - 1))) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        tls.setSSLParameters(parameters);
        try {
            tls.startHandshake();
        } catch (IOException e) {
            tls.close();
            throw e;
        }
        return tls;
    }

    private static void send(OutputStream out, String method, URI uri, Map<String, String> headers, byte[] body) throws IOException {
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String authority = uri.getRawAuthority().substring(uri.getRawAuthority().lastIndexOf('@') + 1);
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ").append(authority)
                .append(body == null ? "" : "\r\nContent-Length: " + body.length).append("\r\nConnection: close\r\n");
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().matches("[A-Za-z0-9-]+") && header.getValue().indexOf('\r') < 0 && header.getValue().indexOf('\n') < 0) {
                head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
            }
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.write(body);
        }
        out.flush();
    }

    private static Answer answer(InputStream in, long deadline, Socket socket) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            socket.setSoTimeout(remainingMillis(deadline));
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before the answer's headers ended");
            }
            head.write(b);
            if (head.size() > MAX_HEAD_BYTES) {
                throw new IOException("answer headers longer than " + MAX_HEAD_BYTES + " bytes");
            }
            matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : b == '\r' ? 1 : 0;
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] status = lines[0].split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/1.") || !status[1].matches("[0-9]{3}")) {
            throw new IOException("not an HTTP/1.x answer");
        }
        return new Answer(Integer.parseInt(status[1]), header(lines, "retry-after").orElse(null));
    }

    private static Optional<String> header(String[] lines, String name) {
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0 && lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(lines[i].substring(colon + 1).trim());
            }
        }
        return Optional.empty();
    }

    private static int remainingMillis(long deadline) throws SocketTimeoutException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("no answer in time");
        }
        return (int) Math.min(left, Integer.MAX_VALUE);
    }
}
