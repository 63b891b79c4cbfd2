package io.genesis.economics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RevenueProjectionTest {

    private final RevenueProjection projection = new RevenueProjection();

    @Test
    void guideInputsGiveTheFormulasNumbersNotTheGuidesExample() {
        RevenueEstimate estimate = projection.project(5, 4, 0.92, 4, true, 14.52);
        // 750 + 120*5 + 85*4 + int(0.92*600) = 750 + 600 + 340 + 552
        assertEquals(2242, estimate.projectedMonthlyRevenue());
        // round(min(.95, .55 + .35*.92 + .015*4), 2) = round(.932, 2)
        assertEquals(0.93, estimate.confidence());
        // int(5000 / 2242) = 2, times 30
        assertEquals(60, estimate.paybackPeriodDays());
        assertEquals("projected", estimate.status());
        assertEquals(List.of("5 MVP features at launch", "4 core technologies", "Team size of 4", "Execution time 14.52s"),
                estimate.assumptions());
        assertEquals(0.92, estimate.completionRate());
    }

    @Test
    void failedRunHasNoProjection() {
        RevenueEstimate estimate = projection.project(5, 4, 0.5, 4, false, 3.0);
        assertEquals(0, estimate.projectedMonthlyRevenue());
        assertEquals(0.1, estimate.confidence());
        assertNull(estimate.paybackPeriodDays());
        assertEquals("unavailable", estimate.status());
        assertEquals(0.5, estimate.completionRate());
        assertEquals(4, estimate.assumptions().size());
    }

    @Test
    void paybackTakesTheIntegerPartBeforeMultiplying() {
        // 750 + 120*30 + 600 = 4950: int(5000/4950) = 1 -> 30 days (5000/4950*30 would be 30.3)
        assertEquals(30, projection.project(30, 0, 1.0, 1, true, 0).paybackPeriodDays());
        // 750 + 120*40 + 600 = 6150: int(5000/6150) = 0 -> the 14-day floor
        assertEquals(14, projection.project(40, 0, 1.0, 1, true, 0).paybackPeriodDays());
        // 750 + 0 + 0 + int(0.0) = 750: int(5000/750) = 6 -> 180 days (not 200)
        assertEquals(180, projection.project(0, 0, 0.0, 1, true, 0).paybackPeriodDays());
    }

    @Test
    void confidenceIsCappedAndTeamCountsAtLeastOne() {
        assertEquals(0.95, projection.project(1, 1, 1.0, 20, true, 0).confidence());
        // .55 + 0 + .015*1 with an empty team
        assertEquals(0.57, projection.project(1, 1, 0.0, 0, true, 0).confidence());
        assertEquals("Team size of 1", projection.project(1, 1, 0.0, 0, true, 0).assumptions().get(2));
    }

    @Test
    void completionOutsideZeroToOneIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> projection.project(1, 1, 1.2, 1, true, 0));
    }
}
