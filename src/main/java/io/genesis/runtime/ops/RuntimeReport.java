package io.genesis.runtime.ops;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code omnidaemon health} equivalent. {@code status}: {@code running} when Redis answers and at least one
 * worker sent a heartbeat recently, {@code degraded} when Redis answers but no worker is alive (tasks queue up),
 * {@code down} when Redis cannot be reached or read (then the bus figures are null). {@code reasons} explains anything
 * short of a clean {@code running}.
 */
public record RuntimeReport(String status, List<String> reasons, String checkedAt, ThisWorker thisWorker, Redis redis,
                            List<WorkerStatus> workers, Integer workersAlive, long workerStaleSeconds, int agents,
                            List<String> topics, Long queueDepth, Long pending, Long dlqDepth) {

    public static final String RUNNING = "running";
    public static final String DEGRADED = "degraded";
    public static final String DOWN = "down";

    /** The worker answering this request: its consumer name and how long its application has been up. */
    public record ThisWorker(String workerId, long uptimeSeconds) {
    }

    /** Redis as seen from this worker; {@code error} is set (and the rest null) when it cannot be reached. */
    public record Redis(boolean connected, String url, String version, String usedMemoryHuman, Long usedMemoryBytes,
                        Long roundTripMs, String error) {
    }

    /**
     * The status for what was observed ({@code redisError} null when Redis answered), and the reasons it is not a
     * clean {@code running}.
     */
    public static Verdict judge(String redisError, List<WorkerStatus> workers, long staleSeconds) {
        List<String> reasons = new ArrayList<>();
        if (redisError != null) {
            reasons.add("Redis cannot be used (" + redisError + "): nothing can be published or consumed");
            return new Verdict(DOWN, reasons);
        }
        long alive = workers.stream().filter(WorkerStatus::alive).count();
        workers.stream().filter(worker -> !worker.alive()).forEach(worker -> reasons.add("worker " + worker.workerId()
                + (worker.problem() != null ? ": " + worker.problem()
                : " sent no heartbeat for " + worker.heartbeatAgeSeconds() + " s (stale after " + staleSeconds + " s)")));
        if (alive == 0) {
            reasons.add(0, workers.isEmpty() ? "no worker has registered a heartbeat: tasks are queued but not consumed"
                    : "no worker is alive: tasks are queued but not consumed");
            return new Verdict(DEGRADED, reasons);
        }
        return new Verdict(RUNNING, reasons);
    }

    /** A status with its reasons. */
    public record Verdict(String status, List<String> reasons) {
    }
}
