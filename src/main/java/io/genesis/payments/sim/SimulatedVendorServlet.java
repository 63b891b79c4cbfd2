package io.genesis.payments.sim;

import io.genesis.api.JsonConventions;
import io.genesis.payments.LedgerUnavailable;
import io.genesis.payments.Money;
import io.genesis.payments.PaymentSettings;
import io.genesis.payments.Vendor;
import io.genesis.payments.x402.FacilitatorAnswer;
import io.genesis.payments.x402.NetworkNames;
import io.genesis.payments.x402.X402;
import io.genesis.payments.x402.X402Version;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The SIMULATED vendor catalogue at {@code /sim/x402/vendors/<vendor>/<anything>}: without {@code PAYMENT-SIGNATURE}
 * it answers 402 with {@code PAYMENT-REQUIRED} (and the same JSON as body); with one it verifies at the simulated
 * facilitator (in process, with the same request bodies as over HTTP: simulated vendors only take simulated payments),
 * serves, settles and returns {@code PAYMENT-RESPONSE} (x402 HTTP transport v2). Like the reference
 * servers it never settles when serving fails. Simulation hooks in the query: {@code quote_cents=N} (price),
 * {@code pay_to=0x..} (a substituted address; a vendor configured without {@code price-cents}, like a real one, answers 404
 * unless {@code quote_cents} is given), {@code fail=503} (serving fails with that status),
 * {@code timeout_seconds=N} (the quoted maxTimeoutSeconds, i.e. how long an authorization lives),
 * {@code x402_version=1} (a v1 vendor: the {@code PaymentRequired} only in the 402 body, with v1 field names and the
 * network's v1 name, {@code X-PAYMENT} in and {@code X-PAYMENT-RESPONSE} out) or any other number (a v2-shaped quote
 * claiming that version, which no client should pay).
 * {@code POST /sim/x402/vendors/<vendor>/refunds {"transaction","amount"}} is the vendor's business-logic refund.
 * {@code PUT|GET|DELETE /sim/x402/vendors/<vendor>/outage} is the simulator's failure switch of that vendor
 * ({@link SimulatedOutageControl}): while a window is open every other request to the vendor answers its status.
 */
@WebServlet(name = "x402-simulated-vendors", urlPatterns = "/sim/x402/vendors/*")
public class SimulatedVendorServlet extends HttpServlet {

    private static final String REFUNDS = "refunds";
    private static final String OUTAGE = "outage";

    @Inject
    PaymentSettings settings;

    @Inject
    SimulatedFacilitator facilitator;

    @Inject
    SimulatedChainStore chain;

    @Inject
    SimulatedVendorOutages outages;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = request.getPathInfo() == null ? new String[0] : request.getPathInfo().substring(1).split("/", 2);
        Optional<Vendor> vendor = path.length == 0 ? Optional.empty() : settings.vendor(path[0]);
        if (vendor.isEmpty()) {
            response.sendError(404);
            return;
        }
        String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (path.length == 2 && path[1].equals(OUTAGE)) {
            SimulatedOutageControl.answer(outages, vendor.get().id(), request.getMethod(), body, response);
            return;
        }
        Optional<SimulatedVendorOutages.Window> down = outages.current(vendor.get().id());
        if (down.isPresent() && outages.refuse(vendor.get().id()).isPresent()) {
            response.setHeader("Retry-After", String.valueOf(Math.max(1, down.get().remainingSeconds(java.time.Instant.now()))));
            SimulatedJson.write(response, down.get().status(), JsonConventions.json().createObjectBuilder()
                    .add("error", "simulated vendor outage: " + vendor.get().id() + " is down until " + down.get().until()
                            + ", nothing was served or settled").build());
            return;
        }
        if (path.length == 2 && path[1].equals(REFUNDS) && request.getMethod().equals("POST")) {
            refund(vendor.get(), body, response);
            return;
        }
        if (request.getParameter("quote_cents") == null && vendor.get().priceCents() == null) {
            SimulatedJson.write(response, 404, JsonConventions.json().createObjectBuilder().add("error", "vendor " + vendor.get().id()
                    + " has no simulated price (genesis.payments.vendors." + vendor.get().id() + ".price-cents) and no quote_cents was given").build());
            return;
        }
        int version = Optional.ofNullable(request.getParameter("x402_version")).map(Integer::parseInt).orElse(X402.VERSION);
        boolean v1 = version == X402Version.V1.number();
        X402Version wire = v1 ? X402Version.V1 : X402Version.V2;
        JsonObject required = v1 ? paymentRequiredV1(vendor.get(), request) : paymentRequired(vendor.get(), request, version);
        String signature = request.getHeader(wire.paymentHeader());
        if (signature == null) {
            paymentRequired(response, required, wire.paymentHeader() + " header is required", v1);
            return;
        }
        JsonObject payload;
        try {
            payload = X402.decode(signature);
        } catch (IllegalArgumentException e) {
            SimulatedJson.write(response, 400, JsonConventions.json().createObjectBuilder().add("error", "invalid_payload").build());
            return;
        }
        JsonObject facilitatorRequest = JsonConventions.json().createObjectBuilder().add("x402Version", version).add("paymentPayload", payload)
                .add("paymentRequirements", required.getJsonArray("accepts").getJsonObject(0)).build();
        try {
            FacilitatorAnswer verified = FacilitatorAnswer.verify(facilitator.verify(facilitatorRequest));
            if (!verified.ok()) {
                paymentRequired(response, required, verified.reason(), v1);
                return;
            }
            String fail = request.getParameter("fail");
            if (fail != null) {
                SimulatedJson.write(response, failureStatus(fail), JsonConventions.json().createObjectBuilder()
                        .add("error", "simulated vendor failure, nothing was settled").build());
                return;
            }
            FacilitatorAnswer settled = FacilitatorAnswer.settle(facilitator.settle(facilitatorRequest));
            response.setHeader(wire.responseHeader(), X402.encode(settled.json()));
            response.setHeader("Access-Control-Expose-Headers", wire.responseHeader());
            if (!settled.ok()) {
                paymentRequired(response, required, settled.reason(), v1);
                return;
            }
            SimulatedJson.write(response, 200, JsonConventions.json().createObjectBuilder()
                    .add("vendor", vendor.get().id())
                    .add("name", vendor.get().name())
                    .add("category", vendor.get().category())
                    .add("resource", resourceUrl(request))
                    .add("delivered", true)
                    .add("simulated", true)
                    .build());
        } catch (LedgerUnavailable e) {
            log("simulated vendor cannot reach the simulated chain", e);
            SimulatedJson.write(response, 500, JsonConventions.json().createObjectBuilder().add("error", "simulated chain unavailable").build());
        }
    }

    /** The v2 {@code PaymentRequired} (§5.1), claiming {@code version}. */
    private JsonObject paymentRequired(Vendor vendor, HttpServletRequest request, int version) {
        PaymentSettings.Token token = settings.token();
        return JsonConventions.json().createObjectBuilder()
                .add("x402Version", version)
                .add("resource", JsonConventions.json().createObjectBuilder().add("url", resourceUrl(request)).add("description", vendor.name())
                        .add("mimeType", "application/json"))
                .add("accepts", JsonConventions.json().createArrayBuilder().add(quote(vendor, request, token.network(), "amount")))
                .add("extensions", JsonConventions.json().createObjectBuilder())
                .build();
    }

    /** The v1 {@code PaymentRequired} (v1 §5.1): resource, description and mimeType in the entry, v1 names. */
    private JsonObject paymentRequiredV1(Vendor vendor, HttpServletRequest request) {
        PaymentSettings.Token token = settings.token();
        return JsonConventions.json().createObjectBuilder()
                .add("x402Version", X402Version.V1.number())
                .add("accepts", JsonConventions.json().createArrayBuilder().add(quote(vendor, request,
                                NetworkNames.v1Name(token.network()).orElse(token.network()), "maxAmountRequired")
                        .add("resource", resourceUrl(request))
                        .add("description", vendor.name())
                        .add("mimeType", "application/json")))
                .build();
    }

    /** The members both versions share; v1 names the amount {@code maxAmountRequired}. */
    private JsonObjectBuilder quote(Vendor vendor, HttpServletRequest request, String network, String amountMember) {
        PaymentSettings.Token token = settings.token();
        long cents = Optional.ofNullable(request.getParameter("quote_cents")).map(Long::parseLong).orElse(vendor.priceCents());
        return JsonConventions.json().createObjectBuilder()
                .add("scheme", X402.SCHEME_EXACT)
                .add("network", network)
                .add(amountMember, Money.atomicFromCents(cents, token.decimals()).toString())
                .add("asset", token.asset())
                .add("payTo", Optional.ofNullable(request.getParameter("pay_to")).orElse(vendor.payTo()))
                .add("maxTimeoutSeconds", Optional.ofNullable(request.getParameter("timeout_seconds"))
                        .map(Integer::parseInt).orElse(settings.simulatedMaxTimeoutSeconds()))
                .add("extra", JsonConventions.json().createObjectBuilder().add("name", token.name()).add("version", token.version()));
    }

    private static String resourceUrl(HttpServletRequest request) {
        return request.getRequestURL() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    }

    /**
     * The 402: a v2 vendor sends the object in {@code PAYMENT-REQUIRED} and as body, a v1 vendor only as body. Never
     * cached ({@code Cache-Control: no-store}, as the x402 SDK's servers answer): a quote is for this request only.
     */
    private static void paymentRequired(HttpServletResponse response, JsonObject required, String error, boolean v1) throws IOException {
        JsonObject withError = JsonConventions.json().createObjectBuilder(required).add("error", error).build();
        response.setHeader("Cache-Control", "no-store");
        if (!v1) {
            response.setHeader(X402.PAYMENT_REQUIRED, X402.encode(withError));
        }
        SimulatedJson.write(response, 402, withError);
    }

    private void refund(Vendor vendor, String body, HttpServletResponse response) throws IOException {
        JsonObject request;
        try {
            request = SimulatedJson.read(body);
            new BigInteger(request.getString("amount"));
        } catch (RuntimeException e) {
            SimulatedJson.write(response, 400, JsonConventions.json().createObjectBuilder().add("error", "refunds need transaction and amount").build());
            return;
        }
        PaymentSettings.Token token = settings.token();
        JsonObjectBuilder answer = JsonConventions.json().createObjectBuilder().add("network", token.network());
        try {
            Optional<String[]> original = chain.byHash(request.getString("transaction", ""));
            BigInteger amount = new BigInteger(request.getString("amount"));
            if (original.isEmpty() || !original.get()[1].equalsIgnoreCase(vendor.payTo())
                    || amount.compareTo(new BigInteger(original.get()[2])) > 0 || amount.signum() <= 0) {
                SimulatedJson.write(response, 422, answer.add("success", false).add("transaction", "")
                        .add("errorReason", "invalid_refund").build());
                return;
            }
            String nonce = "0x" + java.util.HexFormat.of().formatHex(SimulatedWallets.sha256(("refund|"
                    + request.getString("transaction") + "|" + request.getString("refund_id", "")).getBytes(StandardCharsets.UTF_8)));
            SimulatedChainStore.Transfer transfer = chain.transfer("REFUND", token.network(), token.asset(), vendor.payTo(),
                    original.get()[0], nonce, amount);
            boolean ok = transfer.txHash() != null;
            answer.add("success", ok).add("transaction", ok ? transfer.txHash() : "");
            if (!ok) {
                answer.add("errorReason", transfer.refusal());
            }
            SimulatedJson.write(response, ok ? 200 : 422, answer.build());
        } catch (LedgerUnavailable e) {
            log("simulated vendor cannot reach the simulated chain", e);
            SimulatedJson.write(response, 500, answer.add("success", false).add("transaction", "")
                    .add("errorReason", "unexpected_settle_error").build());
        }
    }

    private static int failureStatus(String fail) {
        try {
            int status = Integer.parseInt(fail);
            return List.of(400, 404, 409, 422, 500, 502, 503, 504).contains(status) ? status : 500;
        } catch (NumberFormatException e) {
            return 500;
        }
    }
}
