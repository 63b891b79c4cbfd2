package io.genesis.payments.sim;

import io.genesis.api.JsonConventions;
import io.genesis.payments.LedgerUnavailable;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The simulated facilitator's HTTP face: {@code GET /sim/x402/facilitator/supported},
 * {@code POST /sim/x402/facilitator/verify} and {@code /settle}. Missing fields get 400, unexpected errors 500,
 * both with an {@code isValid/success: false} body as the example facilitator does.
 */
@WebServlet(name = "x402-simulated-facilitator", urlPatterns = "/sim/x402/facilitator/*")
public class SimulatedFacilitatorServlet extends HttpServlet {

    @Inject
    SimulatedFacilitator facilitator;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/supported".equals(request.getPathInfo())) {
            SimulatedJson.write(response, 200, facilitator.supported());
        } else {
            response.sendError(404);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        boolean verify = "/verify".equals(path);
        if (!verify && !"/settle".equals(path)) {
            response.sendError(404);
            return;
        }
        JsonObject body;
        try {
            body = SimulatedJson.read(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            SimulatedJson.write(response, 400, failure(verify, "invalid_payload"));
            return;
        }
        try {
            SimulatedJson.write(response, 200, verify ? facilitator.verify(body) : facilitator.settle(body));
        } catch (LedgerUnavailable e) {
            log("simulated facilitator cannot reach its chain", e);
            SimulatedJson.write(response, 500, failure(verify, verify ? "unexpected_verify_error" : "unexpected_settle_error"));
        }
    }

    private static JsonObject failure(boolean verify, String reason) {
        return verify ? JsonConventions.json().createObjectBuilder().add("isValid", false).add("invalidReason", reason).build()
                : JsonConventions.json().createObjectBuilder().add("success", false).add("errorReason", reason).add("transaction", "")
                .add("network", "").build();
    }
}
