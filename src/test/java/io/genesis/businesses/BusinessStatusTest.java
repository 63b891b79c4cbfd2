package io.genesis.businesses;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static io.genesis.businesses.BusinessStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BusinessStatusTest {

    @Test
    void planningStepsFollowEachOtherInOrderAndEachMayFail() {
        List<BusinessStatus> plan = List.of(INITIALIZING, GENERATING_IDEA, COMPOSING_TEAM, DECOMPOSING_TASKS, ROUTING,
                VALIDATING, EXECUTING, DEPLOYING, SUCCESS);
        for (int i = 0; i + 1 < plan.size(); i++) {
            assertTrue(plan.get(i).mayMoveTo(plan.get(i + 1)), plan.get(i) + " -> " + plan.get(i + 1));
            assertTrue(plan.get(i).mayMoveTo(FAILED), plan.get(i) + " -> FAILED");
        }
    }

    @Test
    void nothingFollowsATerminalStatusAndNoStepIsSkippedOrRepeated() {
        for (BusinessStatus end : List.of(SUCCESS, FAILED, BLOCKED)) {
            assertTrue(end.terminal());
            assertTrue(end.next().isEmpty(), end + " is final");
        }
        assertFalse(INITIALIZING.mayMoveTo(EXECUTING), "planning is not skipped");
        assertFalse(EXECUTING.mayMoveTo(EXECUTING), "no move to itself");
        assertFalse(DEPLOYING.mayMoveTo(EXECUTING), "no move back");
        assertFalse(ROUTING.mayMoveTo(BLOCKED), "only the safety gate (VALIDATING) or execution blocks");
        assertEquals(EnumSet.of(DEPLOYING, WAITING_FOR_BUDGET, SUCCESS, FAILED, BLOCKED), EXECUTING.next());
    }

    @Test
    void aBusinessWaitingForBudgetResumesWhereItWasAndIsNeverSucceededWhileWaiting() {
        assertTrue(EXECUTING.mayMoveTo(WAITING_FOR_BUDGET));
        assertTrue(DEPLOYING.mayMoveTo(WAITING_FOR_BUDGET));
        assertFalse(WAITING_FOR_BUDGET.terminal());
        assertEquals(EnumSet.of(EXECUTING, DEPLOYING, FAILED, BLOCKED), WAITING_FOR_BUDGET.next());
        assertFalse(VALIDATING.mayMoveTo(WAITING_FOR_BUDGET), "only execution buys");
    }

    @Test
    void onlyAnUnplannedBusinessAwaitsItsPlan() {
        for (BusinessStatus status : values()) {
            assertEquals(status == INITIALIZING, status.awaitingPlan(), status.name());
        }
    }
}
