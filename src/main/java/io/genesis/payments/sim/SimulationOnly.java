package io.genesis.payments.sim;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;

/**
 * The simulated x402 world ({@code /sim/*}: vendors and facilitator) exists only while {@code genesis.simulation.enabled}
 * is true (development and tests); otherwise every path under it is a 404 problem, as if it were not there.
 */
@WebFilter(filterName = "simulation-only", urlPatterns = "/sim/*", asyncSupported = true)
public class SimulationOnly extends HttpFilter {

    @Inject
    @ConfigProperty(name = "genesis.simulation.enabled")
    boolean simulationEnabled;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!simulationEnabled) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }
}
