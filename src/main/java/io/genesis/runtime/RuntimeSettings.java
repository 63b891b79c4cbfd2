package io.genesis.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Timing settings of the runtime (see docs/configuration.md for meaning and defaults). */
@ApplicationScoped
public class RuntimeSettings {

    @Inject
    @ConfigProperty(name = "genesis.runtime.block-ms")
    long blockMillis;

    @Inject
    @ConfigProperty(name = "genesis.runtime.lease-seconds")
    long leaseSeconds;

    @Inject
    @ConfigProperty(name = "genesis.runtime.reclaim-interval-seconds")
    long reclaimIntervalSeconds;

    @Inject
    @ConfigProperty(name = "genesis.runtime.shutdown-grace-seconds")
    long shutdownGraceSeconds;

    @Inject
    @ConfigProperty(name = "genesis.runtime.heartbeat-seconds")
    long heartbeatSeconds;

    @Inject
    @ConfigProperty(name = "genesis.runtime.trim-interval-seconds")
    long trimIntervalSeconds;

    @Inject
    @ConfigProperty(name = "genesis.runtime.stream-retain-acked")
    long streamRetainAcked;

    @Inject
    @ConfigProperty(name = "genesis.runtime.outbox-batch-size")
    int outboxBatchSize;

    public long blockMillis() {
        return blockMillis;
    }

    public long leaseMillis() {
        return leaseSeconds * 1000;
    }

    public long reclaimIntervalMillis() {
        return reclaimIntervalSeconds * 1000;
    }

    public long shutdownGraceSeconds() {
        return shutdownGraceSeconds;
    }

    public long heartbeatSeconds() {
        return heartbeatSeconds;
    }

    public long trimIntervalSeconds() {
        return trimIntervalSeconds;
    }

    public long streamRetainAcked() {
        return streamRetainAcked;
    }

    public int outboxBatchSize() {
        return outboxBatchSize;
    }
}
