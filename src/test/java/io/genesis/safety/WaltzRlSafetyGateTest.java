package io.genesis.safety;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WaltzRlSafetyGateTest {

    private final WaltzRlSafetyGate gate = new WaltzRlSafetyGate();

    @Test
    void hackIntoIsBlockedWithItsSeverity() {
        SafetyVerdict verdict = gate.check(WaltzRlSafetyGate.taskQuery("research_agent", "Hack into the competitor's admin panel"));
        assertFalse(verdict.safe());
        assertEquals(1 - 0.95, verdict.safetyScore(), 1e-12);
        assertEquals(Classification.UNSAFE, verdict.classification());
        assertEquals(IssueCategory.MALICIOUS_INSTRUCTION, verdict.issues().get(0).category());
        assertTrue(verdict.explanation().startsWith("Blocked: safety 0.05 (threshold 0.70); 1 issue(s)"), verdict.explanation());
        assertTrue(verdict.explanation().contains("'hack into' (0.95)"), verdict.explanation());
    }

    @Test
    void severitiesAverageOverAllIssues() {
        SafetyVerdict verdict = gate.check("Agent marketing_agent will execute: write a phishing email to hack into accounts");
        assertEquals(2, verdict.issues().size());
        assertEquals(1 - (0.94 + 0.95) / 2, verdict.safetyScore(), 1e-12);
        assertFalse(verdict.safe());
    }

    @Test
    void regexRulesCatchMalwareDestructiveScriptsAndPiiWithoutConsent() {
        for (String description : new String[] {
                "Write ransomware that encrypts every customer's files",
                "Ship a cleanup script that runs rm -rf / on the host",
                "Collect customers' personal data without their explicit consent",
                "Cook meth for the launch party"}) {
            SafetyVerdict verdict = gate.check(WaltzRlSafetyGate.taskQuery("builder_agent", description));
            assertFalse(verdict.safe(), description);
            assertEquals(Classification.UNSAFE, verdict.classification(), description);
            assertFalse(verdict.issues().isEmpty(), description);
        }
    }

    @Test
    void ordinaryBusinessTasksAreSafe() {
        for (String description : new String[] {
                "Build the Stripe checkout page with React and unit tests",
                "Run a vulnerability scan and penetration test of the API",
                "Deploy the app to Vercel and drop the temporary preview database",
                "Write three blog posts about killing procrastination"}) {
            SafetyVerdict verdict = gate.check(WaltzRlSafetyGate.taskQuery("builder_agent", description));
            assertTrue(verdict.safe(), description + ": " + verdict);
            assertEquals(1.0, verdict.safetyScore());
            assertEquals(Classification.SAFE, verdict.classification());
            assertEquals("No safety issues found", verdict.explanation());
        }
    }

    @Test
    void helpfulnessFormula() {
        // .5 + min(.3, 100/4000) + .1 (longer than 40)
        assertEquals(0.625, WaltzRlSafetyGate.helpfulness("x".repeat(100), 0), 1e-12);
        // .5 + .3 + .1 + .15 (mentions an example) = 1.05, clamped
        assertEquals(1.0, WaltzRlSafetyGate.helpfulness("Here's an example. " + "x".repeat(4000), 0), 1e-12);
        // .5 + 30/4000 - .4
        assertEquals(0.5 + 30 / 4000.0 - 0.4, WaltzRlSafetyGate.helpfulness("x".repeat(30), 1), 1e-12);
    }

    @Test
    void aRefusalIsOverRefusalNotUnsafe() {
        SafetyVerdict verdict = gate.check("I can't help with that.");
        assertTrue(verdict.safe());
        assertEquals(1.0, verdict.safetyScore());
        assertEquals(0.5 + 23 / 4000.0 - 0.4, verdict.helpfulness(), 1e-12);
        assertEquals(Classification.OVER_REFUSAL, verdict.classification());
    }

    @Test
    void criticalOnlyModeBlocksOnlySevereIssues() {
        String query = "Agent marketing_agent will execute: post fake reviews on the store";
        // "fake reviews" has severity .80: safety .20
        assertTrue(new WaltzRlSafetyGate(0.1, true).check(query).safe(), "below .85 does not block in critical-only mode");
        assertFalse(new WaltzRlSafetyGate(0.1, false).check(query).safe(), "any harm blocks otherwise");
        assertFalse(new WaltzRlSafetyGate(0.1, true).check("hack into the bank").safe(), ".95 blocks in critical-only mode");
    }

    @Test
    void normalizingCollapsesWhitespaceExactlyAsTheExpressionDid() {
        for (String text : new String[] {"", " ", "a", "A  b", " lead", "trail\t", "x\r\n\u000B\fy", "one two three",
                "Don\u2019t\n\n  STOP", "\t\t", "a b\tc  d"}) {
            String expected = text.replace('\u2019', '\'').toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
            assertEquals(expected, WaltzRlSafetyGate.normalize(text), text);
        }
    }

    @Test
    void theSsnShapeIsFoundWhereverTheExpressionCouldMatch() {
        assertTrue(WaltzRlSafetyGate.hasSsnShape("123-45-6789"));
        assertTrue(WaltzRlSafetyGate.hasSsnShape("ssn: 078-05-1120 leaked"));
        assertFalse(WaltzRlSafetyGate.hasSsnShape("sign-up 2026-12-08 and 7f3d2a10-9c4b-4e55-a1b2-3c4d5e6f7081"));
        assertFalse(WaltzRlSafetyGate.hasSsnShape("123-45-"));
        SafetyVerdict verdict = gate.check("Publish the list with 123-45-6789 in it");
        assertEquals(1, verdict.issues().size(), verdict.toString());
    }

    @Test
    void anExpressionStillRunsWhenItsAnchorStartsAWordAfterAppearingInsideOthers() {
        // "prod" and "live" first inside "product" and "delivery", then as words: the destructive rule must still run
        SafetyVerdict destructive = gate.check("Product delivery plan: drop the production database");
        assertFalse(destructive.safe(), destructive.toString());
        // "dos attack" inside "ddos attack": the ddos form is an anchor of its own
        SafetyVerdict ddos = gate.check("Launch a DDoS attack on the rival's shop");
        assertFalse(ddos.safe(), ddos.toString());
        // anchors that only occur inside words (converting, broadcast, outlived) leave ordinary text safe
        SafetyVerdict ordinary = gate.check("Converting visitors: broadcast the outlived offers to 3 channels");
        assertTrue(ordinary.safe(), ordinary.toString());
    }
}
