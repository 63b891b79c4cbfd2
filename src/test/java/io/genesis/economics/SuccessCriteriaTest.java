package io.genesis.economics;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.genesis.economics.TaskOutcome.Status.BLOCKED;
import static io.genesis.economics.TaskOutcome.Status.COMPLETED;
import static io.genesis.economics.TaskOutcome.Status.FAILED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuccessCriteriaTest {

    private final SuccessCriteria criteria = new SuccessCriteria();

    @Test
    void exactlyEightyPercentCompletedSucceeds() {
        SuccessVerdict verdict = criteria.evaluate(outcomes(4, 1, false));
        assertTrue(verdict.successful(), verdict.reason());
        assertEquals(0.8, verdict.completionRate());
        assertEquals(4, verdict.completed());
        assertEquals(5, verdict.total());
    }

    @Test
    void belowEightyPercentFails() {
        SuccessVerdict verdict = criteria.evaluate(outcomes(3, 1, false));
        assertFalse(verdict.successful());
        assertEquals("completion rate 0.75 (3 of 4) is below 0.80", verdict.reason());
    }

    @Test
    void noResultsIsNotASuccess() {
        assertEquals("no task results", criteria.evaluate(List.of()).reason());
        assertFalse(criteria.evaluate(null).successful());
    }

    @Test
    void anyBlockedTaskFailsTheRunEvenAtHighCompletion() {
        List<TaskOutcome> outcomes = outcomes(9, 0, false);
        outcomes.add(new TaskOutcome("publish-ads", BLOCKED, false, null));
        SuccessVerdict verdict = criteria.evaluate(outcomes);
        assertFalse(verdict.successful());
        assertEquals("1 task(s) blocked by safety: publish-ads", verdict.reason());
    }

    @Test
    void aFailedCriticalTaskFailsTheRunEvenAtHighCompletion() {
        List<TaskOutcome> outcomes = outcomes(9, 0, false);
        outcomes.add(new TaskOutcome("deployment", FAILED, true, null));
        SuccessVerdict verdict = criteria.evaluate(outcomes);
        assertFalse(verdict.successful());
        assertEquals("critical task(s) failed: deployment", verdict.reason());
    }

    private static List<TaskOutcome> outcomes(int completed, int failed, boolean critical) {
        List<TaskOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < completed; i++) {
            outcomes.add(new TaskOutcome("done-" + i, COMPLETED, critical, null));
        }
        for (int i = 0; i < failed; i++) {
            outcomes.add(new TaskOutcome("failed-" + i, FAILED, critical, null));
        }
        return outcomes;
    }
}
