package io.genesis.economics;

import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * {@code GenesisMetaAgent._simulate_revenue_projection} (Genesis-Rebuild 82ee5d88), exactly:
 * <pre>
 * mrr        = 750 + 120 features + 85 distinctTech + int(completion * 600)
 * confidence = round(min(.95, .55 + .35 completion + .015 max(team, 1)), 2)
 * payback    = max(14, int(5000 / max(mrr, 1)) * 30)      (integer part first, then times 30)
 * </pre>
 * A failed run gets 0 / 0.1 / null / "unavailable". The guide's worked example (1955 / .78 / 90) does not follow
 * this formula; 5 features, 4 technologies, completion .92 and a team of 4 give 2242 / .93 / 60.
 */
@ApplicationScoped
public class RevenueProjection {

    public static final String STATUS_PROJECTED = "projected";
    public static final String STATUS_UNAVAILABLE = "unavailable";
    public static final int BASE_MRR = 750;
    public static final int MRR_PER_FEATURE = 120;
    public static final int MRR_PER_TECHNOLOGY = 85;
    public static final int MRR_FOR_FULL_COMPLETION = 600;
    public static final double CONFIDENCE_BASE = 0.55;
    public static final double CONFIDENCE_PER_COMPLETION = 0.35;
    public static final double CONFIDENCE_PER_AGENT = 0.015;
    public static final double CONFIDENCE_CAP = 0.95;
    public static final double UNAVAILABLE_CONFIDENCE = 0.1;
    public static final int NOTIONAL_INVESTMENT_USD = 5000;
    public static final int MIN_PAYBACK_DAYS = 14;
    public static final int DAYS_PER_MONTH = 30;

    /**
     * @param features         number of MVP features
     * @param distinctTech     number of distinct technologies ({@code len(set(tech_stack))})
     * @param completion       completed tasks / all tasks, 0..1
     * @param teamSize         agents on the team (counted as at least 1)
     * @param success          whether the run met the success criteria
     * @param executionSeconds how long the run took, only reported
     */
    public RevenueEstimate project(int features, int distinctTech, double completion, int teamSize, boolean success,
                                   double executionSeconds) {
        if (features < 0 || distinctTech < 0 || completion < 0 || completion > 1 || Double.isNaN(completion)) {
            throw new IllegalArgumentException("features and technologies must be >= 0 and completion within 0..1");
        }
        int team = Math.max(teamSize, 1);
        List<String> assumptions = List.of(
                features + " MVP features at launch",
                distinctTech + " core technologies",
                "Team size of " + team,
                String.format(Locale.ROOT, "Execution time %.2fs", executionSeconds));
        if (!success) {
            return new RevenueEstimate(0, UNAVAILABLE_CONFIDENCE, null, STATUS_UNAVAILABLE, assumptions, completion);
        }
        int mrr = BASE_MRR + MRR_PER_FEATURE * features + MRR_PER_TECHNOLOGY * distinctTech
                + (int) (completion * MRR_FOR_FULL_COMPLETION);
        double confidence = round2(Math.min(CONFIDENCE_CAP,
                CONFIDENCE_BASE + CONFIDENCE_PER_COMPLETION * completion + CONFIDENCE_PER_AGENT * team));
        int payback = Math.max(MIN_PAYBACK_DAYS, (int) ((double) NOTIONAL_INVESTMENT_USD / Math.max(mrr, 1)) * DAYS_PER_MONTH);
        return new RevenueEstimate(mrr, confidence, payback, STATUS_PROJECTED, assumptions, completion);
    }

    /** Python's {@code round(x, 2)}: the exact binary value, ties to even. */
    static double round2(double value) {
        return new BigDecimal(value).setScale(2, RoundingMode.HALF_EVEN).doubleValue();
    }
}
