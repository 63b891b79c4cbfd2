package io.genesis.evolution;

/** A trajectory's standing in the pool: success at score >= .7, failure below .3, partial in between. */
public enum TrajectoryStatus {
    SUCCESS, PARTIAL, FAILURE;

    public static TrajectoryStatus of(double score) {
        return score >= TrajectoryPool.SUCCESS_THRESHOLD ? SUCCESS : score < TrajectoryPool.FAILURE_THRESHOLD ? FAILURE : PARTIAL;
    }
}
