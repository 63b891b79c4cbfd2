package io.genesis.teams;

import io.genesis.catalog.BusinessArchetype;
import io.genesis.catalog.BusinessArchetypes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InclusiveFitnessSwarmTest {

    private final InclusiveFitnessSwarm swarm = new InclusiveFitnessSwarm();
    private final BusinessArchetypes archetypes = new BusinessArchetypes();

    @Test
    void fitnessOfASmallTeamByHand() {
        TeamRequirements requirements = new TeamRequirements(Set.of("coding", "testing", "deployment", "payments"), Set.of(),
                1.0, List.of());
        TeamFitness fitness = swarm.fitness(List.of("builder_agent", "qa_agent", "deploy_agent"), requirements, 3, 5);
        // coverage: payments uncovered -> 3/4
        assertEquals(0.75, fitness.coverage(), 1e-12);
        assertEquals(List.of("payments"), fitness.uncovered());
        // each pair shares only "llm" of 9 modules: builder-qa 1/9, qa-deploy 1/9, builder-deploy 1/9 * 1.5 (both
        // infrastructure) = 1/6; mean 7/54
        assertEquals(7.0 / 54, fitness.meanCompatibility(), 1e-12);
        assertEquals(1.0, fitness.sizeScore());
        assertEquals(2.0 / 5, fitness.groupDiversity(), 1e-12, "analysis and infrastructure");
        // .4*.75 + .3*7/54 + .2*1 + .1*.4
        assertEquals(0.3 + 0.3 * 7.0 / 54 + 0.2 + 0.04, fitness.fitness(), 1e-12);
    }

    @Test
    void sizeScoreBelowAndAboveTheRange() {
        TeamRequirements none = new TeamRequirements(Set.of(), Set.of(), 1.0, List.of());
        assertEquals(2.0 / 3, swarm.fitness(List.of("builder_agent", "qa_agent"), none, 3, 5).sizeScore(), 1e-12);
        assertEquals(1.0 - 1.0 / 2, swarm.fitness(List.of("builder_agent", "qa_agent", "deploy_agent"), none, 1, 2).sizeScore(), 1e-12);
    }

    @Test
    void sameSeedSameTeam() {
        TeamRequirements requirements = requirementsOf("saas_dashboard");
        TeamComposition first = swarm.compose(requirements, 3, 8, 2024);
        TeamComposition second = swarm.compose(requirements, 3, 8, 2024);
        assertEquals(first, second);
        assertTrue(first.iterations() >= InclusiveFitnessSwarm.STALL_ITERATIONS && first.iterations() <= InclusiveFitnessSwarm.MAX_ITERATIONS,
                "iterations: " + first.iterations());
    }

    @Test
    void everyArchetypesTeamCoversItsCapabilitiesHasItsMandatoryAgentsAndRespectsTheSize() {
        for (BusinessArchetype archetype : archetypes.all()) {
            TeamRequirements requirements = requirementsOf(archetype.type());
            TeamComposition team = swarm.compose(requirements, InclusiveFitnessSwarm.DEFAULT_MIN_TEAM_SIZE,
                    InclusiveFitnessSwarm.DEFAULT_MAX_TEAM_SIZE, 7);
            assertEquals(List.of(), team.explanation().get("uncovered_capabilities"), archetype.type() + ": " + team);
            assertTrue(team.agents().containsAll(requirements.mandatoryAgents()), archetype.type() + ": " + team.agents());
            assertTrue(team.agents().size() >= 3 && team.agents().size() <= 10, archetype.type() + ": " + team.agents());
            assertEquals(swarm.fitness(team.agents(), requirements, 3, 10).fitness(), team.fitness(), 1e-12);
        }
    }

    @Test
    void theSwarmPicksTheOnlyHolderOfACapabilityWithinATightSize() {
        TeamRequirements requirements = new TeamRequirements(Set.of("coding", "testing", "deployment", "payments"), Set.of(),
                1.0, List.of());
        TeamComposition team = swarm.compose(requirements, 3, 4, 11);
        assertTrue(team.agents().contains("finance_agent"), "only finance_agent holds payments: " + team.agents());
        assertTrue(team.agents().size() <= 4);
        assertEquals(1.0, team.explanation().get("capability_coverage"));
    }

    @Test
    void aRoomierSizeRangeDoesNotOverstaffTheTeam() {
        TeamRequirements requirements = requirementsOf("saas_tool");
        TeamComposition lean = swarm.compose(requirements, 3, 7, 42);
        TeamComposition roomy = swarm.compose(requirements, 3, 10, 42);
        assertEquals(List.of("qa_agent", "builder_agent", "deploy_agent", "marketing_agent", "finance_agent", "seo_agent",
                "frontend_agent"), roomy.agents());
        assertEquals(lean.agents(), roomy.agents());
        assertEquals(List.of(), roomy.explanation().get("uncovered_capabilities"));
    }

    @Test
    void mandatoryAgentsMustFitTheMaximumSize() {
        TeamRequirements requirements = requirementsOf("marketplace");
        assertThrows(IllegalArgumentException.class, () -> swarm.compose(requirements, 1, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> swarm.compose(requirements, 5, 4, 1));
    }

    private TeamRequirements requirementsOf(String type) {
        BusinessArchetype archetype = archetypes.byType(type).orElseThrow();
        return TeamRequirements.fromBusiness(archetype, archetype.typicalFeatures(), archetype.techStack(),
                archetype.monetizationModel());
    }
}
