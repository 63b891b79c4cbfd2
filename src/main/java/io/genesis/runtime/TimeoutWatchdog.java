package io.genesis.runtime;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One watchdog for every running handler of this worker, instead of a scheduled task per task: a handler arms an
 * alarm for its agent's timeout, {@link #check()} (run every {@link #TICK_MILLIS} ms by the runtime worker) interrupts
 * the thread of every alarm past its deadline, and the handler disarms its alarm when it returns. A timeout fires at
 * most one tick late; an interrupt never reaches a thread whose handler already returned.
 */
@ApplicationScoped
public class TimeoutWatchdog {

    /** How often overdue handlers are looked for: the precision of timeouts (agent timeouts are whole seconds). */
    static final long TICK_MILLIS = 100;

    private static final int ARMED = 0;
    private static final int FIRING = 1;
    private static final int FIRED = 2;
    /** fired, and the interrupt it caused has been cleared */
    private static final int CLEARED = 3;
    private static final int DISARMED = 4;

    private final Set<Alarm> armed = ConcurrentHashMap.newKeySet();

    /** The timeout of one handler call on the current thread. */
    public final class Alarm {
        private final Thread thread = Thread.currentThread();
        private final long deadlineNanos;
        private final AtomicInteger state = new AtomicInteger(ARMED);

        private Alarm(int timeoutSeconds) {
            this.deadlineNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        }

        /**
         * Stops watching; true if the alarm had fired (the handler was interrupted for its timeout: that interrupt is
         * cleared). Safe to call again: a later call answers the same and clears nothing.
         */
        public boolean disarm() {
            armed.remove(this);
            if (state.compareAndSet(ARMED, DISARMED)) {
                return false;
            }
            while (state.get() == FIRING) {
                Thread.onSpinWait();
            }
            if (state.compareAndSet(FIRED, CLEARED)) {
                Thread.interrupted();
            }
            return state.get() == CLEARED;
        }
    }

    /** Arms an alarm for the current thread, firing after {@code timeoutSeconds}. */
    public Alarm arm(int timeoutSeconds) {
        Alarm alarm = new Alarm(timeoutSeconds);
        armed.add(alarm);
        return alarm;
    }

    /** Interrupts the handlers past their deadline. */
    void check() {
        long now = System.nanoTime();
        for (Alarm alarm : armed) {
            if (now - alarm.deadlineNanos >= 0 && alarm.state.compareAndSet(ARMED, FIRING)) {
                armed.remove(alarm);
                alarm.thread.interrupt();
                alarm.state.set(FIRED);
            }
        }
    }
}
