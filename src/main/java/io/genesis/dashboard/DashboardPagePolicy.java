package io.genesis.dashboard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.util.Set;

/**
 * When an OpenID Connect provider is configured, lets the dashboard's page (only {@code /} and {@code /index.html})
 * {@code fetch} the provider's discovery document and token endpoint: their origins are added as the page's
 * {@code connect-src}, on top of the application's Content-Security-Policy (set by the security-headers filter before
 * this one runs). Every other response, and the page when OIDC is off, keeps the policy as it is. Async-capable, as
 * every filter in front of the Server-Sent Events streams must be.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class DashboardPagePolicy extends HttpFilter {

    private static final String CSP = "Content-Security-Policy";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/") || path.isEmpty() || path.equals("/index.html")) {
            Set<String> origins = DashboardSignIn.from(ConfigProvider.getConfig()).connectOrigins();
            String policy = response.getHeader(CSP);
            if (!origins.isEmpty() && policy != null) {
                response.setHeader(CSP, policy + "; connect-src 'self' " + String.join(" ", origins));
            }
        }
        chain.doFilter(request, response);
    }
}
