package io.genesis.runtime;

import java.math.BigDecimal;

/**
 * What one attempt of a task has spent so far, in US cents, and the last model it asked: a handler (or a decorator)
 * {@link #charge charges} each cost as it is incurred, so an attempt that then fails or times out still counts. The
 * runtime keeps a failed attempt's spend in the task's history ({@link TaskState.Attempt#costCents()}) and adds it to
 * the cost of the task's row; a successful attempt's cost is its {@link AgentResult#costCents()}. Thread-safe.
 */
public final class AttemptSpend {

    private BigDecimal cents = BigDecimal.ZERO;
    private String model;

    /** Adds a cost of this attempt (tokens of a model call, say); negative amounts are refused. */
    public synchronized void charge(BigDecimal amountCents, String byModel) {
        if (amountCents.signum() < 0) {
            throw new IllegalArgumentException("a charge cannot be negative");
        }
        cents = cents.add(amountCents);
        if (byModel != null) {
            model = byModel;
        }
    }

    public synchronized BigDecimal cents() {
        return cents;
    }

    /** The model the attempt asked last, or null. */
    public synchronized String model() {
        return model;
    }
}
