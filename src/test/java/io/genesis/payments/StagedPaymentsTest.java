package io.genesis.payments;

import io.genesis.payments.x402.RemoteUnavailable;
import io.genesis.payments.x402.RemoteUnreached;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A capture whose settle got no answer: repeatable when nothing was sent, left to the sweeper when it may have been. */
class StagedPaymentsTest {

    @Test
    void aSettleThatWasNeverSentLeavesThePaymentAuthorized() {
        assertEquals(PaymentStatus.AUTHORIZED, StagedPayments.afterUnansweredSettle(new RemoteUnreached("connection refused")));
        assertEquals(PaymentStatus.AUTHORIZED, StagedPayments.afterUnansweredSettle(new CircuitBreakerOpenException("open")));
        assertEquals(PaymentStatus.AUTHORIZED, StagedPayments.afterUnansweredSettle(new BulkheadException("full")));
    }

    @Test
    void aSettleThatMayHaveArrivedIsCaptureUnknown() {
        assertEquals(PaymentStatus.CAPTURE_UNKNOWN, StagedPayments.afterUnansweredSettle(new RemoteUnavailable("read timed out")));
        assertEquals(PaymentStatus.CAPTURE_UNKNOWN, StagedPayments.afterUnansweredSettle(new TimeoutException("timed out")));
    }
}
