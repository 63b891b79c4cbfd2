package io.genesis.runtime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AgentPolicyTest {

    @Test
    void maxAttemptsIsTheFirstAttemptPlusTheRetries() {
        AgentPolicy builder = new AgentPolicy("builder_agent", "genesis.build", 3, 5, 600, 4);
        assertEquals(4, builder.maxAttempts());
        assertEquals(5_000, builder.retryDelayMs());
        assertEquals("group:builder_agent", builder.consumerGroup(), "stable group name, never random");
    }

    @Test
    void fractionalRetryDelaysAreAllowed() {
        assertEquals(100, new AgentPolicy("qa_agent", "genesis.qa", 3, 0.1, 900, 4).retryDelayMs());
    }

    @Test
    void impossiblePoliciesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AgentPolicy("a", "t", -1, 5, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> new AgentPolicy("a", "t", 1, 5, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new AgentPolicy("a", "t", 1, 5, 10, 0));
    }
}
