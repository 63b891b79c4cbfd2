package io.genesis.quality;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The grade of one task output.
 *
 * @param score      overall / 100, 0..1 (what {@code omnidaemon_task_results.quality_score} stores)
 * @param dimensions correctness, completeness, efficiency, safety and overall, each 0..100
 * @param cmp        {@code max(0, overall - .15 * sum of the dimensions' variances)}, 0..100
 */
public record QualityGrade(double score, Map<String, Double> dimensions, double cmp) {

    public QualityGrade {
        dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
    }

    /** Whether the CMP reaches the judge's threshold of {@value HgmJudge#CMP_THRESHOLD}. */
    public boolean passes() {
        return cmp >= HgmJudge.CMP_THRESHOLD;
    }
}
