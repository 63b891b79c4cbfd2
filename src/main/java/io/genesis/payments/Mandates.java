package io.genesis.payments;

import io.genesis.api.JsonConventions;
import io.genesis.payments.policy.MandateTerms;
import io.genesis.payments.store.LedgerTx;
import io.genesis.payments.store.MandateStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * AP2 v0.2 payment mandates. The Meta-Agent, as trusted agent provider, issues one open mandate
 * ({@code mandate.payment.open.1}) per tenant, agent and business with the agent's limits as constraints; every approved
 * purchase gets a closed mandate ({@code mandate.payment.1}) bound to it. Our own constraint types carry the
 * {@code io.genesis.} prefix; any other unknown constraint makes the mandate invalid, as AP2 requires. Once an open
 * mandate is revoked ({@link MandateRevocations}) none is issued again for its agent and business.
 */
@ApplicationScoped
public class Mandates {

    private static final String ISSUER = "meta-agent";
    private static final Set<String> KNOWN = Set.of("payment.amount_range", "payment.allowed_payees", "payment.execution_date",
            "payment.agent_recurrence", "payment.reference", "io.genesis.spend.daily_budget", "io.genesis.spend.business_limit",
            "io.genesis.approval.auto_approve_below");

    @Inject
    MandateStore store;

    @Inject
    PaymentSettings settings;

    @Inject
    AgentWallets wallets;

    @Inject
    Budgets budgets;

    /**
     * The agent's open mandate for the tenant's business: the active one, issued now if it never had one. After a
     * revocation it is the revoked mandate (the policy then denies MANDATE_INVALID): the Meta-Agent does not issue a new
     * one. Each tenant has its own, even for the same business id.
     */
    public MandateTerms openFor(String tenantId, String businessId, String agentId) {
        long dailyLimit = budgets.dailyLimitCents(tenantId, agentId);
        return store.currentOpen(tenantId, businessId, agentId).or(() -> {
            issue(tenantId, businessId, agentId, dailyLimit);
            return store.currentOpen(tenantId, businessId, agentId);
        }).map(Mandates::terms).orElseThrow(() -> new IllegalStateException("mandate vanished after issue"));
    }

    /** The status of an open mandate, read in {@code tx} under a share lock (see {@link MandateStore#lockedStatus}). */
    public String lockedStatus(LedgerTx tx, String mandateId) {
        return store.lockedStatus(tx, mandateId);
    }

    /** {@code terms} with the status the mandate has now in {@code tx} (see {@link #lockedStatus}). */
    public MandateTerms recheck(LedgerTx tx, MandateTerms terms) {
        String status = lockedStatus(tx, terms.mandateId());
        if (status == null || status.equals(terms.status()) || !MandateTerms.ACTIVE.equals(terms.status())) {
            return terms;
        }
        return new MandateTerms(terms.mandateId(), status, terms.notBefore(), terms.notAfter(), terms.maxPerTransactionCents(),
                terms.allowedPayees());
    }

    private static MandateTerms terms(Mandate mandate) {
        return terms(mandate.mandateId(), mandate.status(), mandate.notBefore(), mandate.expiresAt(), mandate.mandate().asJsonObject());
    }

    /** Reads the constraints the policy enforces; an unknown constraint type makes the mandate UNRESOLVED_CONSTRAINT. */
    static MandateTerms terms(String id, String status, Instant notBefore, Instant notAfter, JsonObject mandate) {
        long max = 0;
        Set<String> payees = new HashSet<>();
        String effective = status;
        for (JsonValue value : mandate.getJsonArray("constraints")) {
            JsonObject constraint = value.asJsonObject();
            String type = constraint.getString("type", "");
            if (!KNOWN.contains(type)) {
                effective = "UNRESOLVED_CONSTRAINT";
            } else if (type.equals("payment.amount_range") && constraint.get("max") instanceof JsonNumber number) {
                max = number.longValue();
            } else if (type.equals("payment.allowed_payees")) {
                constraint.getJsonArray("allowed").forEach(payee -> payees.add(payee.asJsonObject().getString("id")));
            }
        }
        return new MandateTerms(id, effective, notBefore, notAfter, max, payees);
    }

    private void issue(String tenantId, String businessId, String agentId, long dailyLimitCents) {
        String id = "mdt_" + PaymentIds.random();
        Instant now = Instant.now();
        Instant until = now.plus(settings.mandateTtl());
        String wallet = wallets.address(agentId);
        PaymentSettings.Token token = settings.token();
        JsonArrayBuilder payees = JsonConventions.json().createArrayBuilder();
        settings.whitelist(agentId).stream().sorted().forEach(vendorId -> settings.vendor(vendorId).ifPresent(vendor ->
                payees.add(JsonConventions.json().createObjectBuilder().add("id", vendor.id()).add("name", vendor.name())
                        .add("website", vendor.url().toString()))));
        JsonObject mandate = JsonConventions.json().createObjectBuilder()
                .add("mandate_id", id)
                .add("vct", MandateStore.OPEN)
                .add("business_id", businessId)
                .add("agent_id", agentId)
                .add("issuer", ISSUER)
                .add("trust_model", "trusted_agent_provider")
                .add("iat", now.getEpochSecond())
                .add("exp", until.getEpochSecond())
                .add("cnf", JsonConventions.json().createObjectBuilder().add("kid", "wallet:" + wallet))
                .add("payment_instrument", JsonConventions.json().createObjectBuilder().add("id", wallet).add("type", "x402")
                        .add("description", "Agent wallet, " + token.name() + " on " + token.network()
                                + (settings.simulated() ? " (simulated)" : "")))
                .add("constraints", JsonConventions.json().createArrayBuilder()
                        .add(JsonConventions.json().createObjectBuilder().add("type", "payment.amount_range").add("currency", "USD").add("min", 0)
                                .add("max", settings.perTransactionCapCents()))
                        .add(JsonConventions.json().createObjectBuilder().add("type", "payment.allowed_payees").add("allowed", payees))
                        .add(JsonConventions.json().createObjectBuilder().add("type", "payment.execution_date").add("not_before", now.toString())
                                .add("not_after", until.toString()))
                        .add(JsonConventions.json().createObjectBuilder().add("type", "payment.agent_recurrence").add("frequency", "ON_DEMAND"))
                        .add(JsonConventions.json().createObjectBuilder().add("type", "payment.reference")
                                .add("conditional_transaction_id", base64Url("business:" + businessId)))
                        .add(JsonConventions.json().createObjectBuilder().add("type", "io.genesis.spend.daily_budget").add("currency", "USD")
                                .add("max", dailyLimitCents).add("timezone", "UTC"))
                        .add(JsonConventions.json().createObjectBuilder().add("type", "io.genesis.spend.business_limit").add("currency", "USD")
                                .add("max", settings.businessLimitCents()).add("period", "all_time"))
                        .add(JsonConventions.json().createObjectBuilder().add("type", "io.genesis.approval.auto_approve_below").add("currency", "USD")
                                .add("max", settings.policy().autoApproveBelowCents())))
                .add("status", "ACTIVE")
                .build();
        store.issueOpen(id, tenantId, businessId, agentId, ISSUER, now, until, mandate.toString());
    }

    /**
     * Writes the closed mandate of an approved purchase in {@code tx}. Its {@code transaction_id} is the base64url SHA-256
     * of the chosen requirements and resource URL (x402 vendors issue no checkout JWT to hash; our adaptation).
     */
    public void close(LedgerTx tx, String openMandateId, String businessId, String agentId, Vendor vendor,
                      long cents, String requirementsJson, String resourceUrl) {
        String id = "mdt_" + PaymentIds.random();
        Instant now = Instant.now();
        String wallet = wallets.address(agentId);
        JsonObject mandate = JsonConventions.json().createObjectBuilder()
                .add("mandate_id", id)
                .add("vct", MandateStore.CLOSED)
                .add("transaction_id", base64Url(canonical(Payment.json(requirementsJson)) + "|" + resourceUrl))
                .add("payee", JsonConventions.json().createObjectBuilder().add("id", vendor.id()).add("name", vendor.name())
                        .add("website", vendor.url().toString()))
                .add("payment_amount", JsonConventions.json().createObjectBuilder().add("amount", cents).add("currency", "USD"))
                .add("payment_instrument", JsonConventions.json().createObjectBuilder().add("id", wallet).add("type", "x402"))
                .add("iat", now.getEpochSecond())
                .add("exp", now.plus(settings.mandateTtl()).getEpochSecond())
                .add("open_mandate_ref", openMandateId)
                .build();
        store.close(tx, id, openMandateId, businessId, agentId, now, now.plus(settings.mandateTtl()), mandate.toString());
    }

    /** JSON text with object members sorted by name, so equal requirements hash equally wherever they were read from. */
    static String canonical(JsonValue value) {
        if (value instanceof JsonObject object) {
            return object.keySet().stream().sorted().map(key -> JsonConventions.json().createValue(key) + ":" + canonical(object.get(key)))
                    .collect(java.util.stream.Collectors.joining(",", "{", "}"));
        }
        if (value instanceof jakarta.json.JsonArray array) {
            return array.stream().map(Mandates::canonical).collect(java.util.stream.Collectors.joining(",", "[", "]"));
        }
        return value.toString();
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(HexFormat.of().parseHex(PaymentIds.sha256Hex(text)));
    }
}
