package io.genesis.runtime.boundary;

import io.genesis.runtime.ops.TopicCounters;

/** Cumulative counters on the wire, with the mean processing time derived from them. */
public record CounterView(long received, long processed, long failed, long retried, long deadLettered, long timedOut,
                          long durationMsTotal, double avgProcessingMs) {

    static CounterView of(TopicCounters c) {
        return new CounterView(c.received(), c.processed(), c.failed(), c.retried(), c.deadLettered(), c.timedOut(),
                c.durationMsTotal(), c.avgProcessingMs());
    }
}
