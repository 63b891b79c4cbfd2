package io.genesis.routing;

import io.genesis.planning.PlannedTask;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;

/**
 * DAAO difficulty ({@code daao_router.py}, arXiv 2509.11079):
 * <pre>
 * difficulty = .15*min(len(description)/1000, 1) + .20*min(steps/10, 1) + .20*min(tools/5, 1)
 *            + .20*min(complexityKeywords/5, 1) + .15*min(technicalKeywords/5, 1) + .10*priority
 * </pre>
 * A keyword counts once if it occurs anywhere in the lower-cased description (also inside a word, as in the
 * reference: "rapid" contains "api"). Steps, tools and priority come from the task metadata {@code num_steps},
 * {@code required_tools} (comma-separated) and {@code priority} (0..1, default .5). Tokens =
 * {@code int(500 + 1.3*words + 200*steps + 300*tools)}; confidence = {@code min(5 * distance to the nearest band
 * edge, 1)}. The model tier is chosen budget-conscious (below .4 the local LLM, or Gemini 2.5 Flash when local models
 * are not allowed; below .6 Gemini 2.0 Flash-Lite; below .8 Claude 3.7 Sonnet; below .9 GPT-4o; else Claude 4 Sonnet).
 */
@ApplicationScoped
public class DifficultyEstimator {

    public static final double THRESHOLD_TRIVIAL = 0.2;
    public static final double THRESHOLD_EASY = 0.4;
    public static final double THRESHOLD_MEDIUM = 0.6;
    public static final double THRESHOLD_HARD = 0.8;
    public static final double DEFAULT_PRIORITY = 0.5;

    public static final List<String> COMPLEXITY_KEYWORDS = List.of("architecture", "system", "design", "optimize",
            "algorithm", "concurrent", "distributed", "scalable", "performance", "security", "integration", "refactor",
            "debug", "analyze");
    public static final List<String> TECHNICAL_KEYWORDS = List.of("database", "api", "framework", "deployment",
            "infrastructure", "authentication", "authorization", "encryption", "protocol", "microservice",
            "containerize", "orchestrate", "pipeline");

    private static final List<Double> THRESHOLDS = List.of(THRESHOLD_TRIVIAL, THRESHOLD_EASY, THRESHOLD_MEDIUM,
            THRESHOLD_HARD);

    private final boolean allowLocal;

    public DifficultyEstimator() {
        this(true);
    }

    /** @param allowLocal whether the free local LLM may take trivial and easy tasks */
    public DifficultyEstimator(boolean allowLocal) {
        this.allowLocal = allowLocal;
    }

    public DifficultyEstimate estimate(PlannedTask task) {
        return estimate(task.description(), intOrZero(task.metadata().get("num_steps")),
                task.metadataList("required_tools").size(), priority(task.metadata().get("priority")));
    }

    public DifficultyEstimate estimate(String description, int steps, int tools, double priority) {
        double score = score(description, steps, tools, priority);
        ModelTier tier = selectModel(score, true);
        int tokens = estimateTokens(description, steps, tools);
        return new DifficultyEstimate(score, Difficulty.of(score), tier, tokens,
                tier.pricePerMillionTokens() / 1_000_000 * tokens, confidence(score));
    }

    public double score(String description, int steps, int tools, double priority) {
        String text = description.toLowerCase(Locale.ROOT);
        long complexity = COMPLEXITY_KEYWORDS.stream().filter(text::contains).count();
        long technical = TECHNICAL_KEYWORDS.stream().filter(text::contains).count();
        double difficulty = 0.15 * Math.min(description.length() / 1000.0, 1.0)
                + 0.20 * Math.min(Math.max(steps, 0) / 10.0, 1.0)
                + 0.20 * Math.min(Math.max(tools, 0) / 5.0, 1.0)
                + 0.20 * Math.min(complexity / 5.0, 1.0)
                + 0.15 * Math.min(technical / 5.0, 1.0)
                + 0.10 * Math.max(0.0, Math.min(1.0, priority));
        return Math.min(difficulty, 1.0);
    }

    /**
     * @param budgetConscious the DAAO default; otherwise quality mode: below .3 Gemini 2.0 Flash-Lite, below .5
     *                        Claude 3.7 Sonnet, below .7 GPT-4o, else Claude 4 Sonnet
     */
    public ModelTier selectModel(double score, boolean budgetConscious) {
        if (!budgetConscious) {
            return score < 0.3 ? ModelTier.GEMINI_2_0_FLASH_LITE
                    : score < 0.5 ? ModelTier.CLAUDE_3_7_SONNET
                    : score < 0.7 ? ModelTier.GPT_4O
                    : ModelTier.CLAUDE_4_SONNET;
        }
        if (score < THRESHOLD_EASY) {
            return allowLocal ? ModelTier.LOCAL_LLM : ModelTier.GEMINI_2_5_FLASH;
        }
        return score < THRESHOLD_MEDIUM ? ModelTier.GEMINI_2_0_FLASH_LITE
                : score < THRESHOLD_HARD ? ModelTier.CLAUDE_3_7_SONNET
                : score < 0.9 ? ModelTier.GPT_4O
                : ModelTier.CLAUDE_4_SONNET;
    }

    public static int estimateTokens(String description, int steps, int tools) {
        String trimmed = description.strip();
        int words = trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
        return (int) (500 + words * 1.3 + Math.max(steps, 0) * 200 + Math.max(tools, 0) * 300);
    }

    public static double confidence(double score) {
        double distance = THRESHOLDS.stream().mapToDouble(t -> Math.abs(score - t)).min().orElseThrow();
        return Math.min(distance * 5.0, 1.0);
    }

    private static int intOrZero(String value) {
        try {
            return value == null ? 0 : Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    private static double priority(String value) {
        try {
            return value == null ? DEFAULT_PRIORITY : Math.max(0.0, Math.min(1.0, Double.parseDouble(value.trim())));
        } catch (NumberFormatException notANumber) {
            return DEFAULT_PRIORITY;
        }
    }
}
