package io.genesis.routing;

/** DAAO difficulty bands: below .2 trivial, below .4 easy, below .6 medium, below .8 hard, otherwise expert. */
public enum Difficulty {
    TRIVIAL, EASY, MEDIUM, HARD, EXPERT;

    public static Difficulty of(double score) {
        if (score < DifficultyEstimator.THRESHOLD_TRIVIAL) {
            return TRIVIAL;
        }
        if (score < DifficultyEstimator.THRESHOLD_EASY) {
            return EASY;
        }
        if (score < DifficultyEstimator.THRESHOLD_MEDIUM) {
            return MEDIUM;
        }
        return score < DifficultyEstimator.THRESHOLD_HARD ? HARD : EXPERT;
    }
}
