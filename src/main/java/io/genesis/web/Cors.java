package io.genesis.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cross-origin access, off unless {@code genesis.http.cors.allowed-origins} lists origins
 * ({@code https://app.example.com}, comma-separated, exact match, no wildcard). A request from a listed origin gets
 * {@code Access-Control-Allow-Origin} naming it; a preflight ({@code OPTIONS} with
 * {@code Access-Control-Request-Method}) from a listed origin is answered 204 here with the allowed methods and
 * headers; any other origin gets no CORS header at all, so browsers keep the same-origin policy. No credentials mode:
 * the API takes bearer tokens, not cookies. Mapped to every path in {@code web.xml}.
 */
public class Cors extends HttpFilter {

    static final String ALLOWED_ORIGINS_KEY = "genesis.http.cors.allowed-origins";
    static final String METHODS = "GET, POST, PUT, DELETE, OPTIONS";
    static final String HEADERS = "Authorization, Content-Type, Idempotency-Key, Last-Event-ID, X-Tenant-Id";
    static final String MAX_AGE_SECONDS = "600";

    private final Set<String> allowed = ConfigProvider.getConfig().getOptionalValue(ALLOWED_ORIGINS_KEY, String.class)
            .map(list -> Arrays.stream(list.split(",")).map(String::trim).filter(origin -> !origin.isEmpty())
                    .map(origin -> origin.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()))
            .orElse(Set.of());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        if (origin == null || !allowed.contains(origin.toLowerCase(Locale.ROOT))) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Access-Control-Allow-Origin", origin);
        response.addHeader("Vary", "Origin");
        if ("OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null) {
            response.setHeader("Access-Control-Allow-Methods", METHODS);
            response.setHeader("Access-Control-Allow-Headers", HEADERS);
            response.setHeader("Access-Control-Max-Age", MAX_AGE_SECONDS);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        response.setHeader("Access-Control-Expose-Headers", "Location, Retry-After, WWW-Authenticate");
        chain.doFilter(request, response);
    }
}
