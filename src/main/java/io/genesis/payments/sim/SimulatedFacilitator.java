package io.genesis.payments.sim;

import io.genesis.api.JsonConventions;
import io.genesis.payments.PaymentSettings;
import io.genesis.payments.x402.Authorization;
import io.genesis.payments.x402.NetworkNames;
import io.genesis.payments.x402.PaymentRequirements;
import io.genesis.payments.x402.X402;
import io.genesis.payments.x402.X402Version;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * SIMULATED x402 facilitator (v2 §7): {@code /verify} and {@code /settle} with the spec request and response bodies
 * and error codes, checking what the Go facilitator checks for exact/EVM/EIP-3009 plus nonce reuse and balance on
 * the {@link SimulatedChainStore}. Business failures are answered with HTTP 200 and {@code isValid/success: false}.
 * v1 bodies are accepted too, checked as the reference v1 facilitator does: the payload's {@code scheme} and
 * {@code network} instead of {@code accepted}, {@code value ≥ maxAmountRequired}, and the v1 network name in answers.
 */
@ApplicationScoped
public class SimulatedFacilitator {

    private static final Logger LOG = Logger.getLogger(SimulatedFacilitator.class.getName());
    /** The Go facilitator wants this much life left in an authorization. */
    private static final long VALID_BEFORE_HEADROOM_SECONDS = 6;

    @Inject
    PaymentSettings settings;

    @Inject
    SimulatedChainStore chain;

    @Inject
    @ConfigProperty(name = "genesis.payments.sim.wallet-seed")
    String seed;

    private final Clock clock = Clock.systemUTC();

    /** A request that passed or failed verification: the reason (null when valid) and the payer when known. */
    private record Checked(String invalidReason, String payer, Authorization authorization, PaymentRequirements requirements) {
    }

    public JsonObject supported() {
        PaymentSettings.Token token = settings.token();
        JsonArrayBuilder kinds = JsonConventions.json().createArrayBuilder().add(JsonConventions.json().createObjectBuilder()
                .add("x402Version", X402.VERSION).add("scheme", X402.SCHEME_EXACT).add("network", token.network()));
        NetworkNames.v1Name(token.network()).ifPresent(name -> kinds.add(JsonConventions.json().createObjectBuilder()
                .add("x402Version", X402Version.V1.number()).add("scheme", X402.SCHEME_EXACT).add("network", name)));
        return JsonConventions.json().createObjectBuilder()
                .add("kinds", kinds)
                .add("extensions", JsonConventions.json().createArrayBuilder())
                .add("signers", JsonConventions.json().createObjectBuilder().add("eip155:*", JsonConventions.json().createArrayBuilder()
                        .add(new SimulatedWallets(seed).facilitatorSigner())))
                .build();
    }

    public JsonObject verify(JsonObject request) {
        Checked checked = check(request);
        JsonObjectBuilder answer = JsonConventions.json().createObjectBuilder().add("isValid", checked.invalidReason() == null);
        if (checked.invalidReason() != null) {
            answer.add("invalidReason", checked.invalidReason());
        }
        if (checked.payer() != null) {
            answer.add("payer", checked.payer());
        }
        return answer.build();
    }

    public JsonObject settle(JsonObject request) {
        Checked checked = check(request);
        String network = request.get("paymentRequirements") instanceof JsonObject requirements
                ? requirements.getString("network", settings.token().network()) : settings.token().network();
        String reason = checked.invalidReason();
        String transaction = "";
        if (reason == null) {
            Authorization auth = checked.authorization();
            SimulatedChainStore.Transfer transfer = chain.transfer("TRANSFER", checked.requirements().network(),
                    checked.requirements().asset(), auth.from(), auth.to(), auth.nonce(), auth.value());
            reason = transfer.refusal();
            transaction = transfer.txHash() == null ? "" : transfer.txHash();
            if (transfer.txHash() != null) {
                LOG.info("Simulated settlement " + transfer.txHash() + ": " + auth.value() + " atomic from " + auth.from()
                        + " to " + auth.to());
            }
        }
        JsonObjectBuilder answer = JsonConventions.json().createObjectBuilder().add("success", reason == null).add("transaction", transaction)
                .add("network", network);
        if (reason != null) {
            answer.add("errorReason", reason);
        }
        if (checked.payer() != null) {
            answer.add("payer", checked.payer());
        }
        return answer.build();
    }

    private Checked check(JsonObject request) {
        Optional<X402Version> version = request.get("x402Version") instanceof JsonNumber number
                ? X402Version.of(number.intValue()) : Optional.empty();
        if (version.isEmpty()) {
            return invalid("invalid_x402_version", null);
        }
        boolean v1 = version.get() == X402Version.V1;
        if (!(request.get("paymentRequirements") instanceof JsonObject requirementsJson)) {
            return invalid("invalid_payment_requirements", null);
        }
        if (!(request.get("paymentPayload") instanceof JsonObject payload)
                || !(payload.get("payload") instanceof JsonObject signed)
                || !(signed.get("authorization") instanceof JsonObject authorizationJson)
                || !(v1 || payload.get("accepted") instanceof JsonObject)) {
            return invalid("invalid_payload", null);
        }
        PaymentRequirements requirements;
        Authorization auth;
        try {
            requirements = PaymentRequirements.read(requirementsJson, version.get());
            auth = Authorization.from(authorizationJson);
        } catch (IllegalArgumentException e) {
            return invalid("invalid_payload", null);
        }
        String payer = auth.from();
        if (payload.getInt("x402Version", 0) != version.get().number()) {
            return invalid("invalid_x402_version", payer);
        }
        if (!X402.SCHEME_EXACT.equals(requirements.scheme())) {
            return invalid("unsupported_scheme", payer);
        }
        if (!settings.token().network().equals(requirements.network())) {
            return invalid("invalid_network", payer);
        }
        if (v1) {
            if (!requirements.scheme().equals(payload.getString("scheme", null))) {
                return invalid("unsupported_scheme", payer);
            }
            if (!requirements.wireNetwork().equals(payload.getString("network", null))) {
                return invalid("network_mismatch", payer);
            }
        } else {
            JsonObject accepted = payload.getJsonObject("accepted");
            for (String member : List.of("scheme", "network", "amount", "asset", "payTo")) {
                if (!String.valueOf(accepted.get(member)).equals(String.valueOf(requirementsJson.get(member)))) {
                    return invalid("invalid_payment_requirements", payer);
                }
            }
        }
        if (!auth.to().equalsIgnoreCase(requirements.payTo())) {
            return invalid("invalid_exact_evm_payload_recipient_mismatch", payer);
        }
        if (v1 ? auth.value().compareTo(requirements.amount()) < 0 : !auth.value().equals(requirements.amount())) {
            return invalid(v1 ? "invalid_exact_evm_payload_authorization_value"
                    : "invalid_exact_evm_payload_authorization_value_mismatch", payer);
        }
        long now = clock.instant().getEpochSecond();
        if (auth.validAfter() > now) {
            return invalid("invalid_exact_evm_payload_authorization_valid_after", payer);
        }
        if (auth.validBefore() < now + VALID_BEFORE_HEADROOM_SECONDS) {
            return invalid("invalid_exact_evm_payload_authorization_valid_before", payer);
        }
        if (!auth.signedByPayer(signed.getString("signature", null), requirements.network(), requirements.asset(),
                requirements.domainName(), requirements.domainVersion())) {
            return invalid("invalid_exact_evm_payload_signature", payer);
        }
        if (chain.nonceUsed(requirements.network(), requirements.asset(), payer, auth.nonce())) {
            return invalid("invalid_exact_evm_nonce_already_used", payer);
        }
        if (chain.balance(requirements.network(), requirements.asset(), payer).compareTo(auth.value()) < 0) {
            return invalid("insufficient_funds", payer);
        }
        return new Checked(null, payer, auth, requirements);
    }

    private static Checked invalid(String reason, String payer) {
        return new Checked(reason, payer, null, null);
    }
}
