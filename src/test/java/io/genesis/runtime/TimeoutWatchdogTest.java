package io.genesis.runtime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeoutWatchdogTest {

    private final TimeoutWatchdog watchdog = new TimeoutWatchdog();

    @Test
    void anOverdueHandlerIsInterruptedAndDisarmingClearsThatInterrupt() {
        TimeoutWatchdog.Alarm alarm = watchdog.arm(0);
        watchdog.check();
        assertTrue(Thread.currentThread().isInterrupted(), "the handler thread was interrupted");
        assertTrue(alarm.disarm(), "the alarm reports that it fired");
        assertFalse(Thread.currentThread().isInterrupted(), "the timeout's interrupt does not outlive the handler");
    }

    @Test
    void disarmingTwiceAnswersTheSameAndClearsNothingMore() {
        TimeoutWatchdog.Alarm fired = watchdog.arm(0);
        watchdog.check();
        assertTrue(fired.disarm());
        Thread.currentThread().interrupt();
        try {
            assertTrue(fired.disarm(), "still reports the timeout");
            assertTrue(Thread.currentThread().isInterrupted(), "an interrupt of someone else is kept");
        } finally {
            Thread.interrupted();
        }
        TimeoutWatchdog.Alarm quiet = watchdog.arm(3600);
        assertFalse(quiet.disarm());
        assertFalse(quiet.disarm());
    }

    @Test
    void aHandlerWithinItsTimeoutIsLeftAlone() {
        TimeoutWatchdog.Alarm alarm = watchdog.arm(3600);
        watchdog.check();
        assertFalse(Thread.currentThread().isInterrupted());
        assertFalse(alarm.disarm());
    }

    @Test
    void aDisarmedAlarmNeverFires() {
        TimeoutWatchdog.Alarm alarm = watchdog.arm(0);
        assertFalse(alarm.disarm());
        watchdog.check();
        assertFalse(Thread.currentThread().isInterrupted(), "no interrupt reaches a thread whose handler returned");
    }
}
