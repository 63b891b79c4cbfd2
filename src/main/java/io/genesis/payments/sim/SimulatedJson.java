package io.genesis.payments.sim;

import io.genesis.payments.x402.X402;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** JSON in and out of the simulation servlets. */
final class SimulatedJson {

    private SimulatedJson() {
    }

    static JsonObject read(String body) {
        return X402.parse(body);
    }

    static void write(HttpServletResponse response, int status, JsonObject body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body.toString());
    }
}
