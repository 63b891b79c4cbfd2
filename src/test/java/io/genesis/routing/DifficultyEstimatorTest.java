package io.genesis.routing;

import io.genesis.planning.PlannedTask;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DifficultyEstimatorTest {

    private static final double EXACT = 1e-12;

    private final DifficultyEstimator estimator = new DifficultyEstimator();

    @Test
    void bandsChangeExactlyAtTheirEdges() {
        assertEquals(Difficulty.TRIVIAL, Difficulty.of(0.19999));
        assertEquals(Difficulty.EASY, Difficulty.of(0.2));
        assertEquals(Difficulty.MEDIUM, Difficulty.of(0.4));
        assertEquals(Difficulty.HARD, Difficulty.of(0.6));
        assertEquals(Difficulty.EXPERT, Difficulty.of(0.8));
    }

    @Test
    void tenStepsAloneScoreExactlyPointTwoAndAddingFiveToolsExactlyPointFour() {
        // .20*min(10/10,1) = .2; with five tools + .20*min(5/5,1) = .4; empty text and priority 0 add nothing
        assertEquals(0.2, estimator.score("", 10, 0, 0.0));
        assertEquals(Difficulty.EASY, estimator.estimate("", 10, 0, 0.0).band());
        assertEquals(0.4, estimator.score("", 10, 5, 0.0));
        assertEquals(Difficulty.MEDIUM, estimator.estimate("", 10, 5, 0.0).band());
        assertEquals(Difficulty.TRIVIAL, estimator.estimate("", 9, 0, 0.0).band());
    }

    @Test
    void workedExampleMatchesTheHandComputation() {
        // "Design a scalable API with database authentication": 50 characters, 7 words.
        // complexity keywords: design, scalable (2); technical keywords: api, database, authentication (3).
        // metadata: 4 steps, 2 tools, no priority (.5).
        // .15*.05 + .20*.4 + .20*.4 + .20*.4 + .15*.6 + .10*.5 = .0075 + .08 + .08 + .08 + .09 + .05 = .3875 -> EASY
        // tokens: int(500 + 7*1.3 + 4*200 + 2*300) = int(1909.1) = 1909; budget tier below .4: the local LLM (free)
        // confidence: nearest edge .4 is .0125 away -> 5 * .0125 = .0625
        PlannedTask task = new PlannedTask("t", "design", "Design a scalable API with database authentication",
                List.of(), Map.of("num_steps", "4", "required_tools", "docker, postgres"), true, 1.5);

        DifficultyEstimate estimate = estimator.estimate(task);

        assertEquals(0.3875, estimate.score(), EXACT);
        assertEquals(Difficulty.EASY, estimate.band());
        assertEquals(1909, estimate.estimatedTokens());
        assertEquals(ModelTier.LOCAL_LLM, estimate.modelTier());
        assertEquals(0.0, estimate.modelCostUsd());
        assertEquals(0.0625, estimate.confidence(), EXACT);
    }

    @Test
    void budgetConsciousTierChoiceAndPrices() {
        assertEquals(ModelTier.LOCAL_LLM, estimator.selectModel(0.39, true));
        assertEquals(ModelTier.GEMINI_2_5_FLASH, new DifficultyEstimator(false).selectModel(0.39, true));
        assertEquals(ModelTier.GEMINI_2_0_FLASH_LITE, estimator.selectModel(0.4, true));
        assertEquals(ModelTier.CLAUDE_3_7_SONNET, estimator.selectModel(0.6, true));
        assertEquals(ModelTier.GPT_4O, estimator.selectModel(0.8, true));
        assertEquals(ModelTier.CLAUDE_4_SONNET, estimator.selectModel(0.9, true));
        assertEquals(3.00, ModelTier.GPT_4O.pricePerMillionTokens());
        assertEquals("gemini-2.0-flash-lite", ModelTier.GEMINI_2_0_FLASH_LITE.model());
    }

    @Test
    void qualityModeTierChoice() {
        assertEquals(ModelTier.GEMINI_2_0_FLASH_LITE, estimator.selectModel(0.29, false));
        assertEquals(ModelTier.CLAUDE_3_7_SONNET, estimator.selectModel(0.3, false));
        assertEquals(ModelTier.GPT_4O, estimator.selectModel(0.5, false));
        assertEquals(ModelTier.CLAUDE_4_SONNET, estimator.selectModel(0.7, false));
    }

    @Test
    void modelCostIsTokensTimesTheTierPrice() {
        // five complexity and five technical keywords (.20 + .15), 10 steps (.20), 5 tools (.20), priority 1 (.10)
        // and 701 characters (.15 * .701): .955 -> EXPERT on Claude 4 Sonnet; 11 words -> int(500 + 14.3 + 2000 +
        // 1500) = 4014 tokens at $5 per 1M
        String description = "architecture system design optimize algorithm database api framework deployment "
                + "infrastructure " + "x".repeat(606);
        DifficultyEstimate expert = estimator.estimate(description, 10, 5, 1.0);

        assertEquals(701, description.length());
        assertEquals(0.35 + 0.2 + 0.2 + 0.1 + 0.15 * 0.701, expert.score(), EXACT);
        assertEquals(Difficulty.EXPERT, expert.band());
        assertEquals(ModelTier.CLAUDE_4_SONNET, expert.modelTier());
        assertEquals(4014, expert.estimatedTokens());
        assertEquals(4014 * 5.00 / 1_000_000, expert.modelCostUsd(), EXACT);
    }

    @Test
    void confidenceIsLowestOnABandEdge() {
        assertEquals(0.0, DifficultyEstimator.confidence(0.2), EXACT);
        assertEquals(0.5, DifficultyEstimator.confidence(0.5), EXACT);
        assertEquals(1.0, DifficultyEstimator.confidence(0.0), EXACT);
    }
}
