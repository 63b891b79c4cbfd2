package io.genesis.businesses;

import io.genesis.api.JsonConventions;
import io.genesis.businesses.store.MetaAgentMemory;
import io.genesis.evolution.EvolutionOutcome;
import io.genesis.evolution.SeDarwin;
import io.genesis.evolution.TrajectoryPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Learning from a failed task: SE-Darwin evolves trajectories for the failing agent from its pool (loaded from SQL),
 * the new trajectories and the learned CaseBank case are stored. Learning never decides the business's fate.
 */
@ApplicationScoped
public class FailureLearning {

    private static final Logger LOG = Logger.getLogger(FailureLearning.class.getName());
    private static final int POOL_LOAD_LIMIT = TrajectoryPool.MAX_TRAJECTORIES;

    @Inject
    SeDarwin darwin;

    @Inject
    MetaAgentMemory memory;

    public JsonObject learnFrom(BusinessRecord business, BusinessTask failed) {
        String agent = failed.agentId() == null ? "unassigned" : failed.agentId();
        String context = failed.taskType() + ": " + failed.description() + " (business " + business.businessType()
                + ", error: " + (failed.error() == null ? "unknown" : failed.error()) + ")";
        TrajectoryPool pool = TrajectoryPool.of(agent, memory.trajectoriesOf(agent, POOL_LOAD_LIMIT));
        long seed = UUID.nameUUIDFromBytes((business.businessId() + failed.taskId()).getBytes(StandardCharsets.UTF_8))
                .getMostSignificantBits();
        EvolutionOutcome outcome = darwin.evolve(agent, context, pool, seed);
        memory.keep(outcome);
        LOG.info("SE-Darwin on " + agent + " for business " + business.businessId() + ": " + outcome.iterations()
                + " iteration(s), " + outcome.convergence() + ", best " + outcome.best().successScore());
        return JsonConventions.json().createObjectBuilder()
                .add("agent", agent)
                .add("failed_task", failed.taskId())
                .add("iterations", outcome.iterations())
                .add("convergence", outcome.convergence())
                .add("trajectories_generated", outcome.generated().size())
                .add("best_score", outcome.best().successScore())
                .add("best_strategy", outcome.best().strategy())
                .add("improved", outcome.improved())
                .add("case_id", outcome.learnedCase().caseId())
                .build();
    }
}
