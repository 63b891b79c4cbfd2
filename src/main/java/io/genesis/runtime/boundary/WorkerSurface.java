package io.genesis.runtime.boundary;

import io.genesis.problem.Problem;
import io.genesis.problem.ServletProblems;
import io.genesis.runtime.ServerRole;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;

/**
 * What a server of role {@code worker} answers over HTTP: nothing of the application. Its {@code /health/*} and
 * {@code /metrics} are served by Liberty's own web modules (outside this WAR) and stay open; every request to the
 * application itself (API, dashboard, sites, simulated vendors) is answered 404 problem+json naming the role, so a
 * worker reached by mistake (a Service selecting the wrong pods, a port-forward) never takes intake or serves pages.
 * Servers of role {@code all} and {@code api} pass every request on. Mapped to every path in {@code web.xml}, right
 * after the security headers.
 */
public class WorkerSurface extends HttpFilter {

    private final ServerRole role = ConfigProvider.getConfig().getValue(ServerRole.KEY, ServerRole.class);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (serves(role)) {
            chain.doFilter(request, response);
            return;
        }
        ServletProblems.write(response, refusal(role).withInstance(request.getRequestURI()));
    }

    /** Whether a server of this role answers requests to the application. */
    static boolean serves(ServerRole role) {
        return role != ServerRole.WORKER;
    }

    static Problem refusal(ServerRole role) {
        return Problem.of(404, "This server has " + ServerRole.KEY + "=" + role.label()
                + ": it serves only /health and /metrics; send API, dashboard and site requests to a server of role api or all");
    }
}
