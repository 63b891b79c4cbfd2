package io.genesis.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Group commit for finishes: handler threads that finish at about the same time share one finish-script call (each
 * task still atomic with its ack inside it). A thread that finds no call running runs one for everything queued, up to
 * {@value #MAX_BATCH} tasks, and hands over to the next waiting thread when its own task is done; the others wait for
 * their outcome. Nobody waits for a timer: a lone finish runs at once.
 */
final class FinishQueue {

    static final int MAX_BATCH = 128;
    /** A waiter re-checks this often in case a hand-over wake-up raced with its parking. */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final Function<List<FinishScript.FinishArgs>, List<FinishScript.Outcome>> script;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock calling = new ReentrantLock();

    private static final class Pending {
        final FinishScript.FinishArgs args;
        final Thread waiter = Thread.currentThread();
        volatile boolean done;
        volatile FinishScript.Outcome outcome;
        volatile RuntimeException failure;

        Pending(FinishScript.FinishArgs args) {
            this.args = args;
        }

        void complete(FinishScript.Outcome result, RuntimeException error) {
            outcome = result;
            failure = error;
            done = true;
            LockSupport.unpark(waiter);
        }
    }

    FinishQueue(Function<List<FinishScript.FinishArgs>, List<FinishScript.Outcome>> script) {
        this.script = script;
    }

    /**
     * Records the finish and returns what the script did with it; a Redis failure of the shared call is thrown to every
     * task of that call. An interrupt while waiting does not abandon the finish: it is kept for the caller.
     */
    FinishScript.Outcome submit(FinishScript.FinishArgs args) {
        Pending mine = new Pending(args);
        queue.add(mine);
        boolean interrupted = false;
        while (!mine.done) {
            if (calling.tryLock()) {
                try {
                    callUntilDone(mine);
                } finally {
                    calling.unlock();
                }
                Pending next = queue.peek();
                if (next != null) {
                    LockSupport.unpark(next.waiter);
                }
            } else {
                LockSupport.parkNanos(this, RECHECK_NANOS);
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.outcome;
    }

    private void callUntilDone(Pending mine) {
        while (!mine.done) {
            List<Pending> batch = new ArrayList<>();
            for (Pending p = queue.poll(); p != null; p = batch.size() < MAX_BATCH ? queue.poll() : null) {
                batch.add(p);
            }
            if (batch.isEmpty()) {
                return;
            }
            try {
                List<FinishScript.Outcome> outcomes = script.apply(batch.stream().map(p -> p.args).toList());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).complete(outcomes.get(i), null);
                }
            } catch (RuntimeException e) {
                batch.forEach(p -> p.complete(null, e));
            }
        }
    }
}
