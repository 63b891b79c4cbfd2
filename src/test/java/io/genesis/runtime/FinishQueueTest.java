package io.genesis.runtime;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FinishQueueTest {

    private static FinishScript.FinishArgs finish(String taskId) {
        return new FinishScript.FinishArgs(taskId, "genesis.qa", "group:qa_agent", "1-0", TaskStatus.COMPLETED,
                "2026-12-07T10:00:00Z", "{}", null, "[]", 1, "{\"row\":\"{}\"}", null, "qa_agent", 1, null, null, null,
                BigDecimal.ZERO);
    }

    @Test
    void everyFinishGetsItsOwnOutcomeWhenManyThreadsShareCalls() throws Exception {
        List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        FinishQueue queue = new FinishQueue(batch -> {
            batchSizes.add(batch.size());
            return batch.stream().map(f -> f.taskId().endsWith("dup") ? FinishScript.Outcome.ALREADY_TERMINAL
                    : FinishScript.Outcome.WRITTEN).toList();
        });
        int threads = 16;
        int perThread = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> written = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                written.add(pool.submit(() -> {
                    start.await();
                    int mine = 0;
                    for (int i = 0; i < perThread; i++) {
                        String id = thread + "-" + i + (i % 10 == 0 ? "-dup" : "");
                        FinishScript.Outcome outcome = queue.submit(finish(id));
                        assertEquals(id.endsWith("dup") ? FinishScript.Outcome.ALREADY_TERMINAL : FinishScript.Outcome.WRITTEN,
                                outcome, id);
                        mine += outcome == FinishScript.Outcome.WRITTEN ? 1 : 0;
                    }
                    return mine;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : written) {
                total += f.get(60, TimeUnit.SECONDS);
            }
            assertEquals(threads * perThread * 9 / 10, total);
            assertEquals(threads * perThread, batchSizes.stream().mapToInt(Integer::intValue).sum(), "each finish in exactly one call");
            assertTrue(batchSizes.stream().allMatch(size -> size <= FinishQueue.MAX_BATCH));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRedisFailureOfTheCallReachesTheFinishingThread() {
        FinishQueue queue = new FinishQueue(batch -> {
            throw new IllegalStateException("redis down");
        });
        assertThrows(IllegalStateException.class, () -> queue.submit(finish("t-1")));
    }

    @Test
    void anInterruptWhileWaitingForAnotherThreadsCallIsKeptForTheCaller() throws Exception {
        CountDownLatch firstCallRunning = new CountDownLatch(1);
        CountDownLatch releaseFirstCall = new CountDownLatch(1);
        FinishQueue queue = new FinishQueue(batch -> {
            if (batch.get(0).taskId().equals("t-1")) {
                firstCallRunning.countDown();
                try {
                    assertTrue(releaseFirstCall.await(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            return batch.stream().map(f -> FinishScript.Outcome.WRITTEN).toList();
        });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<FinishScript.Outcome> first = pool.submit(() -> queue.submit(finish("t-1")));
            assertTrue(firstCallRunning.await(30, TimeUnit.SECONDS), "the first call holds the queue");
            AtomicReference<Thread> waiter = new AtomicReference<>();
            Future<Boolean> secondKeptItsInterrupt = pool.submit(() -> {
                waiter.set(Thread.currentThread());
                assertEquals(FinishScript.Outcome.WRITTEN, queue.submit(finish("t-2")));
                return Thread.currentThread().isInterrupted();
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (waiter.get() == null || waiter.get().getState() != Thread.State.TIMED_WAITING) {
                assertTrue(System.nanoTime() < deadline, "the second finish waits for the first call");
                Thread.onSpinWait();
            }
            waiter.get().interrupt();
            releaseFirstCall.countDown();
            assertEquals(FinishScript.Outcome.WRITTEN, first.get(30, TimeUnit.SECONDS));
            assertTrue(secondKeptItsInterrupt.get(30, TimeUnit.SECONDS), "the interrupt is set again after the finish");
        } finally {
            pool.shutdownNow();
        }
    }
}
