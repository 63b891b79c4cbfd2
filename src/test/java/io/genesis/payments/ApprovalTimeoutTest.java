package io.genesis.payments;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ApprovalTimeoutTest {

    @Test
    void theDefaultHourAndFractionsOfAMinute() {
        assertEquals(Duration.ofHours(1), ApprovalTimeout.duration(60));
        assertEquals(Duration.ofSeconds(9), ApprovalTimeout.duration(0.15));
        assertEquals(Duration.ofMillis(600), ApprovalTimeout.duration(0.01));
    }

    @Test
    void aTimeoutThatIsNotAPositiveSpanUpToAYearIsRefusedAtStartUp() {
        assertThrows(IllegalStateException.class, () -> ApprovalTimeout.duration(0));
        assertThrows(IllegalStateException.class, () -> ApprovalTimeout.duration(-5));
        assertThrows(IllegalStateException.class, () -> ApprovalTimeout.duration(Double.NaN));
        assertThrows(IllegalStateException.class, () -> ApprovalTimeout.duration(Double.POSITIVE_INFINITY));
        assertThrows(IllegalStateException.class, () -> ApprovalTimeout.duration(600_000));
    }

    @Test
    void theReasonSaysHowLongTheApprovalWaited() {
        assertEquals("approval timed out after 60 minutes", ApprovalTimeout.reason(60));
        assertEquals("approval timed out after 60 minutes", ApprovalTimeout.reason(60.0));
        assertEquals("approval timed out after 0.15 minutes", ApprovalTimeout.reason(0.15));
    }
}
