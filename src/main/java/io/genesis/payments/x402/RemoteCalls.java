package io.genesis.payments.x402;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One HTTP exchange with an x402 party, and what its failure means: {@link RemoteUnreached} when no connection was
 * made (nothing was sent), {@link RemoteUnavailable} when the request may have arrived. HTTP/1.1, because the h2c
 * upgrade dance stalls concurrent calls to a Liberty that talks to itself; redirects are never followed.
 */
final class RemoteCalls {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();

    /** Sends {@code request}; {@code party} names the other side in failure messages (never a secret). */
    HttpResponse<String> send(HttpRequest request, String party) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new RemoteUnreached(party + " did not answer: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (IOException e) {
            throw new RemoteUnavailable(party + " did not answer: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteUnavailable("interrupted while calling " + party);
        }
    }
}
