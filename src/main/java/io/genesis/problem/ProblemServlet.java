package io.genesis.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

import java.io.IOException;

/**
 * Error page for everything outside JAX-RS (unknown paths, container errors): answers with problem+json
 * instead of the container's HTML page. Registered for 4xx/5xx codes in {@code web.xml}.
 */
@WebServlet(name = "problem", urlPatterns = "/problem")
public class ProblemServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : HttpServletResponse.SC_NOT_FOUND;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No resource at " + path + ". The API lives under /api, health under /health, metrics at /metrics.";
            case 405 -> "Method " + request.getMethod() + " is not allowed on " + path;
            case 401 -> request.getHeader("Authorization") == null ? "Send a bearer token: Authorization: Bearer <JWT>"
                    : "The bearer token was not accepted: its signature, issuer, audience and expiry are checked";
            case 403 -> "The token's roles (groups claim) do not allow this";
            case 413 -> "Request body too large.";
            case 415 -> JsonByDefault.SEND_JSON;
            default -> status >= 500 ? "Unexpected server error." : title;
        };
        if (status == HttpServletResponse.SC_UNAUTHORIZED && !response.containsHeader("WWW-Authenticate")) {
            response.setHeader("WWW-Authenticate", request.getHeader("Authorization") == null ? "Bearer realm=\"genesis\""
                    : "Bearer realm=\"genesis\", error=\"invalid_token\"");
        }
        ServletProblems.write(response, status == HttpServletResponse.SC_NOT_FOUND ? Problem.noRoute(path, detail)
                : new Problem("about:blank", title, status, detail, path, java.util.Map.of()));
    }
}
