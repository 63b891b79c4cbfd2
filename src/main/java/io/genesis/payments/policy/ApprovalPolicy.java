package io.genesis.payments.policy;

import io.genesis.payments.evm.EvmAddress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The approval rules in their fixed order; the first denying rule ends evaluation and deny always wins:
 * mandate valid, protocol, vendor whitelist, pay-to match, fraud patterns, per-transaction cap, agent daily budget
 * (reserved), business limit (reserved), duplicate, nonce reuse, velocity; then auto-approve under the threshold or
 * escalate to the Meta-Agent. Unlike Genesis, nothing is approved before the fraud and whitelist checks ran. Velocity
 * looks for a runaway agent: a purchase the Meta-Agent planned (bounded by its plan and earmarked against the budgets)
 * passes it, however many businesses buy at once.
 */
public final class ApprovalPolicy {

    /** The x402 versions we can pay in: v2, and v1 for vendors that still quote in the 402 body. */
    static final List<Integer> X402_VERSIONS = List.of(1, 2);

    private final PolicySettings settings;

    public ApprovalPolicy(PolicySettings settings) {
        this.settings = settings;
    }

    public Verdict evaluate(PurchaseFacts facts, SpendLedger ledger) {
        List<Check> checks = new ArrayList<>();
        List<Reason> escalations = new ArrayList<>();
        Optional<Reason> denied = mandate(facts, checks)
                .or(() -> protocol(facts, checks))
                .or(() -> whitelist(facts, checks))
                .or(() -> payTo(facts, checks))
                .or(() -> fraud(facts, checks))
                .or(() -> transactionCap(facts, checks))
                .or(() -> agentBudget(facts, ledger, checks))
                .or(() -> businessLimit(facts, ledger, checks))
                .or(() -> duplicate(facts, ledger, checks))
                .or(() -> nonce(facts, ledger, checks))
                .or(() -> velocity(facts, ledger, checks, escalations));
        if (denied.isPresent()) {
            return new Verdict(Outcome.DENIED, checks, List.of(denied.get()));
        }
        if (!escalations.isEmpty()) {
            return new Verdict(Outcome.ESCALATED, checks, escalations);
        }
        if (facts.amountCents() < settings.autoApproveBelowCents()) {
            checks.add(Check.pass(RuleCode.AUTO_APPROVE_UNDER_THRESHOLD));
            return new Verdict(Outcome.APPROVED, checks, List.of(new Reason(RuleCode.AUTO_APPROVE_UNDER_THRESHOLD,
                    Reason.Effect.ALLOW, "Every check passed and " + dollars(facts.amountCents()) + " is below the "
                    + dollars(settings.autoApproveBelowCents()) + " auto-approval threshold")));
        }
        checks.add(new Check(RuleCode.REQUIRES_META_AGENT, Check.Result.WARN, facts.amountCents(), settings.autoApproveBelowCents()));
        return new Verdict(Outcome.ESCALATED, checks, List.of(new Reason(RuleCode.REQUIRES_META_AGENT, Reason.Effect.ESCALATE,
                "Amount " + dollars(facts.amountCents()) + " is at or above the " + dollars(settings.autoApproveBelowCents())
                        + " auto-approval threshold")));
    }

    private static Optional<Reason> mandate(PurchaseFacts facts, List<Check> checks) {
        MandateTerms mandate = facts.mandate();
        String problem = null;
        if (mandate == null) {
            problem = "Agent " + facts.agentId() + " holds no open payment mandate for business " + facts.businessId();
        } else if (!MandateTerms.ACTIVE.equals(mandate.status())) {
            problem = "Mandate " + mandate.mandateId() + " is " + mandate.status();
        } else if (facts.now().isBefore(mandate.notBefore()) || facts.now().isAfter(mandate.notAfter())) {
            problem = "Mandate " + mandate.mandateId() + " is valid from " + mandate.notBefore() + " to " + mandate.notAfter();
        }
        return verdict(checks, RuleCode.MANDATE_INVALID, problem, null, null);
    }

    private Optional<Reason> protocol(PurchaseFacts facts, List<Check> checks) {
        String problem = null;
        if (!X402_VERSIONS.contains(facts.x402Version())) {
            problem = "x402 version " + facts.x402Version() + " is not supported (" + X402_VERSIONS.stream().map(String::valueOf)
                    .collect(Collectors.joining(" and ")) + " are)";
        } else if (!"exact".equals(facts.scheme())) {
            problem = "scheme " + facts.scheme() + " is not supported (exact is)";
        } else if (!settings.networks().contains(facts.network())) {
            problem = "network " + facts.network() + " is not accepted (" + String.join(", ", settings.networks()) + ")";
        } else if (!settings.assets().contains(facts.asset().toLowerCase(Locale.ROOT))) {
            problem = "asset " + facts.asset() + " is not accepted";
        }
        return verdict(checks, RuleCode.PROTOCOL_UNSUPPORTED, problem, null, null);
    }

    private static Optional<Reason> whitelist(PurchaseFacts facts, List<Check> checks) {
        String problem = null;
        if (facts.vendorId() == null) {
            problem = "No catalogued vendor serves " + facts.vendorUrl();
        } else if (!facts.agentWhitelist().contains(facts.vendorId())) {
            problem = "Vendor " + facts.vendorId() + " is not on " + facts.agentId() + "'s whitelist " + facts.agentWhitelist();
        } else if (!facts.mandate().allowedPayees().contains(facts.vendorId())) {
            problem = "Vendor " + facts.vendorId() + " is not an allowed payee of mandate " + facts.mandate().mandateId();
        }
        return verdict(checks, RuleCode.VENDOR_NOT_ALLOWLISTED, problem, null, null);
    }

    /**
     * The quoted address must be the registered one, compared as 20 bytes whatever the case; a mixed-case quote must
     * also carry a valid EIP-55 checksum (a wrong one is a typo or a tampered address, never paid).
     */
    private static Optional<Reason> payTo(PurchaseFacts facts, List<Check> checks) {
        String problem = EvmAddress.same(facts.payTo(), facts.registeredPayTo()) ? checksumProblem(facts.payTo())
                : "Vendor " + facts.vendorId() + " asked to be paid at " + facts.payTo() + ", its registered address is "
                + facts.registeredPayTo();
        return verdict(checks, RuleCode.PAYTO_MISMATCH, problem, null, null);
    }

    private static String checksumProblem(String payTo) {
        try {
            EvmAddress.parseChecksummed(payTo);
            return null;
        } catch (IllegalArgumentException e) {
            return "The quoted payTo " + e.getMessage();
        }
    }

    private Optional<Reason> fraud(PurchaseFacts facts, List<Check> checks) {
        String text = facts.purpose() == null ? "" : facts.purpose().toLowerCase(Locale.ROOT);
        String problem = settings.fraudPhrases().stream().filter(text::contains).findFirst()
                .map(phrase -> "Purpose contains the fraud pattern '" + phrase + "'").orElse(null);
        return verdict(checks, RuleCode.FRAUD_PATTERN, problem, null, null);
    }

    private static Optional<Reason> transactionCap(PurchaseFacts facts, List<Check> checks) {
        long cap = facts.mandate().maxPerTransactionCents();
        String source = "mandate " + facts.mandate().mandateId();
        if (facts.requestMaxCents() != null && facts.requestMaxCents() < cap) {
            cap = facts.requestMaxCents();
            source = "the request's max_amount_cents";
        }
        String problem = facts.amountCents() > cap ? "Amount " + dollars(facts.amountCents()) + " exceeds the per-transaction cap "
                + dollars(cap) + " of " + source : null;
        return verdict(checks, RuleCode.AMOUNT_OVER_TX_LIMIT, problem, facts.amountCents(), cap);
    }

    private static Optional<Reason> agentBudget(PurchaseFacts facts, SpendLedger ledger, List<Check> checks) {
        SpendLedger.Reservation reserved = ledger.reserveAgentDay(facts.agentId(), facts.amountCents(), facts.agentDailyLimitCents());
        String problem = reserved.granted() ? null : facts.agentId() + " has committed " + dollars(reserved.committedBeforeCents())
                + " today; " + dollars(facts.amountCents()) + " more exceeds its daily budget of " + dollars(facts.agentDailyLimitCents());
        return verdict(checks, RuleCode.AGENT_DAILY_BUDGET_EXCEEDED, problem, reserved.committedBeforeCents() + facts.amountCents(),
                facts.agentDailyLimitCents());
    }

    private static Optional<Reason> businessLimit(PurchaseFacts facts, SpendLedger ledger, List<Check> checks) {
        SpendLedger.Reservation reserved = ledger.reserveBusiness(facts.businessId(), facts.amountCents(), facts.businessLimitCents());
        String problem = reserved.granted() ? null : "Business " + facts.businessId() + " has committed "
                + dollars(reserved.committedBeforeCents()) + "; " + dollars(facts.amountCents()) + " more exceeds its limit of "
                + dollars(facts.businessLimitCents());
        return verdict(checks, RuleCode.BUSINESS_LIMIT_EXCEEDED, problem, reserved.committedBeforeCents() + facts.amountCents(),
                facts.businessLimitCents());
    }

    private Optional<Reason> duplicate(PurchaseFacts facts, SpendLedger ledger, List<Check> checks) {
        Duration window = settings.duplicateWindow();
        String problem = ledger.duplicateCharge(facts.agentId(), facts.businessId(), facts.fingerprint(), facts.amountCents(), window)
                ? "The same request for " + dollars(facts.amountCents()) + " was already charged within " + window.toMinutes()
                + " min under another idempotency key" : null;
        return verdict(checks, RuleCode.DUPLICATE_CHARGE, problem, null, null);
    }

    private static Optional<Reason> nonce(PurchaseFacts facts, SpendLedger ledger, List<Check> checks) {
        String problem = ledger.nonceUsed(facts.payer(), facts.nonce()) ? "Authorization nonce " + facts.nonce()
                + " was already used by " + facts.payer() : null;
        return verdict(checks, RuleCode.NONCE_REUSED, problem, null, null);
    }

    private Optional<Reason> velocity(PurchaseFacts facts, SpendLedger ledger, List<Check> checks, List<Reason> escalations) {
        int recent = ledger.chargesWithin(facts.agentId(), Duration.ofMinutes(1));
        if (recent >= settings.velocityPerMinute() && !ledger.planned()) {
            checks.add(new Check(RuleCode.VELOCITY_AGENT, Check.Result.WARN, (long) recent, (long) settings.velocityPerMinute()));
            escalations.add(new Reason(RuleCode.VELOCITY_AGENT, Reason.Effect.ESCALATE, facts.agentId() + " made " + recent
                    + " charges in the last minute (limit " + settings.velocityPerMinute() + ")"));
        } else {
            checks.add(new Check(RuleCode.VELOCITY_AGENT, Check.Result.PASS, (long) recent, (long) settings.velocityPerMinute()));
        }
        return Optional.empty();
    }

    private static Optional<Reason> verdict(List<Check> checks, RuleCode code, String problem, Long observed, Long limit) {
        if (problem == null) {
            checks.add(new Check(code, Check.Result.PASS, observed, limit));
            return Optional.empty();
        }
        checks.add(new Check(code, Check.Result.FAIL, observed, limit));
        return Optional.of(new Reason(code, Reason.Effect.DENY, problem));
    }

    static String dollars(long cents) {
        return String.format(Locale.ROOT, "$%d.%02d", cents / 100, Math.abs(cents % 100));
    }
}
