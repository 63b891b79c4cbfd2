package io.genesis.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds with a fixed capacity (a bounded phase never records more than it can hold). */
final class Samples {

    private final long[] values;
    private int count;
    private long[] sorted;

    Samples(int capacity) {
        values = new long[capacity];
    }

    synchronized void add(long nanos) {
        if (count < values.length) {
            values[count++] = nanos;
            sorted = null;
        }
    }

    synchronized int count() {
        return count;
    }

    /** The p-th percentile (0 < p <= 100, nearest rank) in milliseconds; NaN without samples. */
    synchronized double percentileMs(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        if (sorted == null) {
            sorted = Arrays.copyOf(values, count);
            Arrays.sort(sorted);
        }
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1_000_000.0;
    }

    double maxMs() {
        return percentileMs(100);
    }
}
