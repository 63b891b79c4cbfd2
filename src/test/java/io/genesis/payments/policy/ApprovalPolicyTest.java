package io.genesis.payments.policy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApprovalPolicyTest {

    private static final Instant NOW = Instant.parse("2026-05-02T10:15:00Z");
    private static final String USDC = "0x036CbD53842c5426634e7929541eC2318f3dCF7e";
    private static final String PAY_TO = "0x209693Bc6afc0C5328bA36FaF03C514EF312287C";
    private static final MandateTerms MANDATE = new MandateTerms("mdt_1", "ACTIVE", NOW.minusSeconds(60),
            NOW.plus(Duration.ofDays(30)), 10_000, Set.of("llm-premium", "gpu-runs"));
    private static final ApprovalPolicy POLICY = new ApprovalPolicy(new PolicySettings(Set.of("eip155:84532"), Set.of(USDC),
            List.of("gift cards"), 1000, 10, Duration.ofMinutes(10)));

    /** An in-memory ledger recording what was asked of it, so the order of the rules is visible. */
    private static final class Ledger implements SpendLedger {
        long agentCommitted;
        long businessCommitted;
        boolean duplicate;
        boolean nonceUsed;
        int recent;
        boolean planned;
        final List<String> calls = new ArrayList<>();

        @Override
        public Reservation reserveAgentDay(String agentId, long cents, long limitCents) {
            calls.add("agent");
            return reserve(true, cents, limitCents);
        }

        @Override
        public Reservation reserveBusiness(String businessId, long cents, long limitCents) {
            calls.add("business");
            return reserve(false, cents, limitCents);
        }

        private Reservation reserve(boolean agent, long cents, long limit) {
            long before = agent ? agentCommitted : businessCommitted;
            if (before + cents > limit) {
                return new Reservation(false, before);
            }
            if (agent) {
                agentCommitted += cents;
            } else {
                businessCommitted += cents;
            }
            return new Reservation(true, before);
        }

        @Override
        public boolean duplicateCharge(String agentId, String businessId, String fingerprint, long amountCents, Duration window) {
            calls.add("duplicate");
            return duplicate;
        }

        @Override
        public boolean nonceUsed(String payer, String nonce) {
            calls.add("nonce");
            return nonceUsed;
        }

        @Override
        public int chargesWithin(String agentId, Duration window) {
            calls.add("velocity");
            return recent;
        }

        @Override
        public boolean planned() {
            return planned;
        }
    }

    private static PurchaseFacts facts(long cents, String purpose) {
        return facts(cents, purpose, MANDATE, "llm-premium", PAY_TO, 2, "eip155:84532", null);
    }

    private static PurchaseFacts facts(long cents, String purpose, MandateTerms mandate, String vendor, String payTo,
                                       int version, String network, Long requestMax) {
        return new PurchaseFacts("research_agent", "biz_1", NOW, mandate, version, "exact", network, USDC, vendor,
                "http://127.0.0.1:9080/sim/x402/vendors/" + vendor + "/v1/complete", Set.of("llm-premium", "stock-media"), payTo,
                PAY_TO, purpose, cents, requestMax, 28_000, 100_000, "fp", "0xpayer", "0xnonce");
    }

    private static void assertDenied(Verdict verdict, RuleCode code) {
        assertEquals(Outcome.DENIED, verdict.outcome(), verdict.toString());
        assertEquals(code, verdict.denial().orElseThrow().code(), verdict.toString());
        assertEquals(Check.Result.FAIL, verdict.checks().get(verdict.checks().size() - 1).result(), "evaluation stops at the denial");
    }

    @Test
    void underTenDollarsWithEveryCheckPassingIsAutoApproved() {
        Ledger ledger = new Ledger();
        Verdict verdict = POLICY.evaluate(facts(999, "premium completion for the spec"), ledger);
        assertEquals(Outcome.APPROVED, verdict.outcome());
        assertEquals(RuleCode.AUTO_APPROVE_UNDER_THRESHOLD, verdict.primary().code());
        assertEquals(List.of(RuleCode.values()).subList(0, 12), verdict.checks().stream().map(Check::code).toList(),
                "every rule ran, in the documented order, before the approval");
        assertEquals(999, ledger.agentCommitted, "the budget was reserved");
    }

    @Test
    void aFraudPhraseUnderTenDollarsIsDeniedNotAutoApproved() {
        Ledger ledger = new Ledger();
        Verdict verdict = POLICY.evaluate(facts(150, "URGENT TRANSFER to the new supplier"), ledger);
        assertDenied(verdict, RuleCode.FRAUD_PATTERN);
        assertTrue(verdict.denial().orElseThrow().message().contains("urgent transfer"));
        assertEquals(List.of(), ledger.calls, "no budget is touched for a fraudulent request");
    }

    @Test
    void everyGenesisPhraseAndConfiguredExtrasAreFraud() {
        for (String purpose : List.of("wire request", "please override budget", "suspicious vendor ok", "buy Gift Cards")) {
            assertDenied(POLICY.evaluate(facts(100, purpose), new Ledger()), RuleCode.FRAUD_PATTERN);
        }
    }

    @Test
    void aVendorOffTheAgentsWhitelistIsDenied() {
        assertDenied(POLICY.evaluate(facts(100, "gpu", MANDATE, "gpu-runs", PAY_TO, 2, "eip155:84532", null), new Ledger()),
                RuleCode.VENDOR_NOT_ALLOWLISTED);
        assertDenied(POLICY.evaluate(facts(100, "x", MANDATE, null, PAY_TO, 2, "eip155:84532", null), new Ledger()),
                RuleCode.VENDOR_NOT_ALLOWLISTED);
    }

    @Test
    void aVendorTheMandateDoesNotAllowIsDenied() {
        MandateTerms narrow = new MandateTerms("mdt_2", "ACTIVE", NOW.minusSeconds(1), NOW.plusSeconds(60), 10_000, Set.of("gpu-runs"));
        assertDenied(POLICY.evaluate(facts(100, "x", narrow, "llm-premium", PAY_TO, 2, "eip155:84532", null), new Ledger()),
                RuleCode.VENDOR_NOT_ALLOWLISTED);
    }

    @Test
    void tenDollarsOrMoreEscalatesToTheMetaAgent() {
        Verdict verdict = POLICY.evaluate(facts(1000, "premium model run"), new Ledger());
        assertEquals(Outcome.ESCALATED, verdict.outcome());
        assertEquals(RuleCode.REQUIRES_META_AGENT, verdict.primary().code());
        assertEquals(Reason.Effect.ESCALATE, verdict.primary().effect());
    }

    @Test
    void overTheAgentsDailyBudgetIsDeniedWithItsCodeAndNothingIsReserved() {
        Ledger ledger = new Ledger();
        ledger.agentCommitted = 27_900;
        Verdict verdict = POLICY.evaluate(facts(200, "one more call"), ledger);
        assertDenied(verdict, RuleCode.AGENT_DAILY_BUDGET_EXCEEDED);
        Check budget = verdict.checks().get(verdict.checks().size() - 1);
        assertEquals(28_100, budget.observed());
        assertEquals(28_000, budget.limit());
        assertEquals(27_900, ledger.agentCommitted);
        assertFalse(ledger.calls.contains("business"), "later rules are not evaluated");
    }

    @Test
    void overTheBusinessLimitIsDenied() {
        Ledger ledger = new Ledger();
        ledger.businessCommitted = 99_950;
        assertDenied(POLICY.evaluate(facts(100, "x"), ledger), RuleCode.BUSINESS_LIMIT_EXCEEDED);
    }

    @Test
    void invalidMandatesAreDeniedFirst() {
        MandateTerms revoked = new MandateTerms("mdt_3", "REVOKED", NOW.minusSeconds(1), NOW.plusSeconds(60), 10_000, Set.of("llm-premium"));
        MandateTerms expired = new MandateTerms("mdt_4", "ACTIVE", NOW.minusSeconds(120), NOW.minusSeconds(60), 10_000, Set.of("llm-premium"));
        for (MandateTerms mandate : new MandateTerms[] {null, revoked, expired}) {
            Verdict verdict = POLICY.evaluate(facts(100, "urgent transfer", mandate, "evil", "0xevil", 1, "eip155:1", null), new Ledger());
            assertDenied(verdict, RuleCode.MANDATE_INVALID);
            assertEquals(1, verdict.checks().size(), "the first rule decides");
        }
    }

    @Test
    void protocolIsCheckedBeforeTheWhitelist() {
        assertDenied(POLICY.evaluate(facts(100, "x", MANDATE, "gpu-runs", PAY_TO, 3, "eip155:84532", null), new Ledger()),
                RuleCode.PROTOCOL_UNSUPPORTED);
        assertDenied(POLICY.evaluate(facts(100, "x", MANDATE, "gpu-runs", PAY_TO, 2, "eip155:1", null), new Ledger()),
                RuleCode.PROTOCOL_UNSUPPORTED);
    }

    @Test
    void versionsOneAndTwoPassRuleTwoAndAnyOtherIsDeniedNamingBoth() {
        for (int version : new int[] {1, 2}) {
            Verdict verdict = POLICY.evaluate(facts(100, "x", MANDATE, "llm-premium", PAY_TO, version, "eip155:84532", null), new Ledger());
            assertEquals(Outcome.APPROVED, verdict.outcome(), verdict.toString());
            assertEquals(Check.Result.PASS, verdict.checks().get(1).result());
        }
        for (int version : new int[] {0, 3}) {
            Verdict verdict = POLICY.evaluate(facts(100, "x", MANDATE, "llm-premium", PAY_TO, version, "eip155:84532", null), new Ledger());
            assertDenied(verdict, RuleCode.PROTOCOL_UNSUPPORTED);
            assertEquals("x402 version " + version + " is not supported (1 and 2 are)", verdict.denial().orElseThrow().message());
        }
    }

    @Test
    void aV1VendorOnAnotherChainIsDeniedByItsCaip2Network() {
        Verdict verdict = POLICY.evaluate(facts(100, "x", MANDATE, "llm-premium", PAY_TO, 1, "eip155:8453", null), new Ledger());
        assertDenied(verdict, RuleCode.PROTOCOL_UNSUPPORTED);
        assertTrue(verdict.denial().orElseThrow().message().contains("eip155:8453"), verdict.toString());
    }

    @Test
    void aSubstitutedPayToIsDeniedBeforeFraudAndBudget() {
        Ledger ledger = new Ledger();
        assertDenied(POLICY.evaluate(facts(100, "override budget", MANDATE, "llm-premium", "0xattacker", 2, "eip155:84532", null), ledger),
                RuleCode.PAYTO_MISMATCH);
        assertEquals(List.of(), ledger.calls);
    }

    @Test
    void thePayToIsComparedAsBytesAndAMixedCaseQuoteMustCarryItsChecksum() {
        assertEquals(Outcome.APPROVED, POLICY.evaluate(facts(100, "x", MANDATE, "llm-premium", PAY_TO.toLowerCase(), 2, "eip155:84532", null),
                new Ledger()).outcome(), "the same address in lower case");
        String badChecksum = PAY_TO.substring(0, 2) + Character.toLowerCase(PAY_TO.charAt(2)) + PAY_TO.substring(3).replace('C', 'c');
        Verdict verdict = POLICY.evaluate(facts(100, "x", MANDATE, "llm-premium", badChecksum, 2, "eip155:84532", null), new Ledger());
        assertDenied(verdict, RuleCode.PAYTO_MISMATCH);
        assertTrue(verdict.denial().orElseThrow().message().contains("EIP-55"), verdict.toString());
    }

    @Test
    void theSmallerOfTheMandateCapAndTheRequestsOwnCapApplies() {
        assertDenied(POLICY.evaluate(facts(10_001, "x"), new Ledger()), RuleCode.AMOUNT_OVER_TX_LIMIT);
        Verdict verdict = POLICY.evaluate(facts(600, "x", MANDATE, "llm-premium", PAY_TO, 2, "eip155:84532", 500L), new Ledger());
        assertDenied(verdict, RuleCode.AMOUNT_OVER_TX_LIMIT);
        assertTrue(verdict.denial().orElseThrow().message().contains("max_amount_cents"));
    }

    @Test
    void duplicatesAndReusedNoncesAreDeniedAfterTheBudgetRules() {
        Ledger duplicate = new Ledger();
        duplicate.duplicate = true;
        assertDenied(POLICY.evaluate(facts(100, "x"), duplicate), RuleCode.DUPLICATE_CHARGE);
        assertEquals(List.of("agent", "business", "duplicate"), duplicate.calls);
        Ledger reused = new Ledger();
        reused.nonceUsed = true;
        assertDenied(POLICY.evaluate(facts(100, "x"), reused), RuleCode.NONCE_REUSED);
    }

    @Test
    void velocityEscalatesEvenUnderTheThresholdButNeverBeatsADenial() {
        Ledger busy = new Ledger();
        busy.recent = 10;
        Verdict verdict = POLICY.evaluate(facts(100, "x"), busy);
        assertEquals(Outcome.ESCALATED, verdict.outcome());
        assertEquals(RuleCode.VELOCITY_AGENT, verdict.primary().code());
        Ledger busyAndDuplicate = new Ledger();
        busyAndDuplicate.recent = 10;
        busyAndDuplicate.duplicate = true;
        assertDenied(POLICY.evaluate(facts(100, "x"), busyAndDuplicate), RuleCode.DUPLICATE_CHARGE);
    }

    @Test
    void aPurchaseTheMetaAgentPlannedIsNotARunawayAgent() {
        Ledger busyButPlanned = new Ledger();
        busyButPlanned.recent = 10;
        busyButPlanned.planned = true;
        Verdict verdict = POLICY.evaluate(facts(100, "x"), busyButPlanned);
        assertEquals(Outcome.APPROVED, verdict.outcome());
        assertTrue(verdict.checks().stream().anyMatch(c -> c.code() == RuleCode.VELOCITY_AGENT && c.result() == Check.Result.PASS));
        Ledger plannedOverBudget = new Ledger();
        plannedOverBudget.planned = true;
        plannedOverBudget.agentCommitted = 10_000_000;
        assertDenied(POLICY.evaluate(facts(100, "x"), plannedOverBudget), RuleCode.AGENT_DAILY_BUDGET_EXCEEDED);
    }
}
