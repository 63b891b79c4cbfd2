package io.genesis.outbound;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.FileInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pinned POST against real sockets on 127.0.0.1: plain HTTP, TLS with the host's certificate, refusals. */
class PinnedPostTest {

    private static final char[] PASSWORD = "test-only".toCharArray();

    private final OutboundUrls localhost = new OutboundUrls(java.util.Optional.of("127.0.0.1,localhost"));
    private ServerSocket server;

    @AfterEach
    void close() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aPlainPostSendsHostLengthAndHeadersAndReadsStatusAndRetryAfter() throws Exception {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        CompletableFuture<String> request = answerOnce(server, "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 7\r\nContent-Length: 2\r\n\r\nno");
        URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/hook/a?sig=s");
        PinnedPost.Answer answer = new PinnedPost(localhost, Duration.ofSeconds(10))
                .post(uri, Map.of("Content-Type", "application/json", "X-Genesis-Attempt", "1"), "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertEquals(429, answer.status());
        assertEquals("7", answer.retryAfter());
        String sent = request.get(10, TimeUnit.SECONDS);
        assertTrue(sent.startsWith("POST /hook/a?sig=s HTTP/1.1\r\nHost: 127.0.0.1:" + server.getLocalPort() + "\r\n"), sent);
        assertTrue(sent.contains("\r\nContent-Length: 7\r\n") && sent.contains("\r\nX-Genesis-Attempt: 1\r\n") && sent.endsWith("\r\n\r\n{\"a\":1}"), sent);
    }

    @Test
    void tlsChecksTheCertificateAgainstTheUrlsHostWhileConnectingToTheJudgedAddress(@TempDir Path dir) throws Exception {
        SSLContext context = localhostTls(dir);
        server = context.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress());
        CompletableFuture<String> request = answerOnce(server, "HTTP/1.1 204 No Content\r\n\r\n");
        PinnedPost post = new PinnedPost(localhost, Duration.ofSeconds(10), context.getSocketFactory());
        PinnedPost.Answer answer = post.post(URI.create("https://localhost:" + server.getLocalPort() + "/hook"), Map.of(), new byte[0]);
        assertEquals(204, answer.status());
        assertTrue(request.get(10, TimeUnit.SECONDS).contains("Host: localhost:" + server.getLocalPort()));

        // the same server by its address: the certificate names only localhost, so the handshake fails
        answerOnce(server, "HTTP/1.1 204 No Content\r\n\r\n");
        assertThrows(SSLHandshakeException.class, () -> post.post(URI.create("https://127.0.0.1:" + server.getLocalPort() + "/hook"),
                Map.of(), new byte[0]));
    }

    @Test
    void aRefusedAddressIsNeverConnectedTo() throws Exception {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        PinnedPost strict = new PinnedPost(new OutboundUrls(java.util.Optional.empty()), Duration.ofSeconds(2));
        OutboundUrlRefused refused = assertThrows(OutboundUrlRefused.class,
                () -> strict.post(URI.create("http://localhost:" + server.getLocalPort() + "/"), Map.of(), new byte[0]));
        assertTrue(refused.getMessage().contains("loopback"), refused.getMessage());
        server.setSoTimeout(200);
        assertThrows(java.net.SocketTimeoutException.class, server::accept, "no connection was made");
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        PinnedPost post = new PinnedPost(localhost, Duration.ofMillis(300));
        assertThrows(java.net.SocketTimeoutException.class,
                () -> post.post(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/"), Map.of(), new byte[0]));
    }

    /** Accepts one connection, reads the request head and body (by Content-Length), answers, returns what came. */
    private static CompletableFuture<String> answerOnce(ServerSocket server, String answer) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket socket = server.accept()) {
                if (socket instanceof SSLSocket tls) {
                    tls.startHandshake();
                }
                InputStream in = socket.getInputStream();
                ByteArrayOutputStream seen = new ByteArrayOutputStream();
                while (!seen.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    seen.write(b);
                }
                String head = seen.toString(StandardCharsets.ISO_8859_1);
                int length = head.contains("Content-Length: ") ? Integer.parseInt(head.replaceAll("(?s).*Content-Length: (\\d+).*", "$1")) : 0;
                seen.write(in.readNBytes(length));
                OutputStream out = socket.getOutputStream();
                out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return seen.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "failed: " + e;
            }
        });
    }

    /** A key pair and self-signed certificate for the name localhost only, made with the JDK's keytool (test-only). */
    private static SSLContext localhostTls(Path dir) throws Exception {
        Path store = dir.resolve("localhost.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "localhost", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, output);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (var in = new FileInputStream(store.toFile())) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keys);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }
}
