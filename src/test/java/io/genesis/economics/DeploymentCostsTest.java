package io.genesis.economics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeploymentCostsTest {

    private final DeploymentCosts costs = new DeploymentCosts();

    @Test
    void smallDeployedBusiness() {
        DeploymentCost cost = costs.calculate(8, 4, true);
        assertEquals(0.012, cost.llm(), 1e-12, "8 tasks * 500 tokens / 1e6 * $3");
        assertEquals(0.20, cost.agents(), 1e-12, "4 agents * $0.05");
        assertEquals(0.65, cost.vercel(), 1e-12);
        assertEquals(0.0, cost.stripe());
        assertEquals(0.862, cost.total(), 1e-12);
        assertEquals(1, cost.paybackDays(), "int(0.862 / 750 * 30) = 0, floored at 1");
    }

    @Test
    void notDeployedHasNoVercelCost() {
        DeploymentCost cost = costs.calculate(8, 4, false);
        assertEquals(0.0, cost.vercel());
        assertEquals(0.212, cost.total(), 1e-12);
    }

    @Test
    void paybackGrowsWithCost() {
        // 100000 tasks: $150 of tokens + $0.50 + $0.65 = $151.15; int(151.15 / 750 * 30) = int(6.046) = 6
        DeploymentCost cost = costs.calculate(100_000, 10, true);
        assertEquals(151.15, cost.total(), 1e-9);
        assertEquals(6, cost.paybackDays());
    }
}
