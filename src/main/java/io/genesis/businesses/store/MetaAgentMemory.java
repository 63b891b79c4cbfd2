package io.genesis.businesses.store;

import io.genesis.api.JsonConventions;
import io.genesis.businesses.BusinessRecord;
import io.genesis.businesses.MemoryRecall;
import io.genesis.economics.RevenueEstimate;
import io.genesis.evolution.EvolutionOutcome;
import io.genesis.evolution.Trajectory;
import io.genesis.memory.MemoryStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.sql.SQLException;
import java.util.List;

/**
 * The Meta-Agent's use of memory: success patterns under namespace {@value #NAMESPACE} (subject = the business type),
 * recalled when a business of the same type is planned; the trajectories and CaseBank case SE-Darwin learns from a
 * failure. Database failures surface as {@link StoreUnavailable}.
 */
@ApplicationScoped
public class MetaAgentMemory {

    static final String NAMESPACE = "business_success";
    private static final int EXAMPLES = 3;

    @Inject
    MemoryStore memory;

    /** How many businesses of this type succeeded before, and the names of a few. */
    public MemoryRecall recall(String businessType) {
        try {
            long count = memory.count(NAMESPACE, businessType);
            List<String> names = memory.recall(NAMESPACE, businessType, EXAMPLES).stream()
                    .map(m -> m.value().getString("name", m.key())).toList();
            return new MemoryRecall(count, names);
        } catch (SQLException e) {
            throw new StoreUnavailable(e);
        }
    }

    public void rememberSuccess(BusinessRecord business, JsonObject requirements, RevenueEstimate projection, int tasks) {
        JsonObject team = business.teamComposition();
        try {
            memory.remember(new MemoryStore.Memory(NAMESPACE, business.businessType(), business.businessId(),
                    JsonConventions.json().createObjectBuilder()
                            .add("name", requirements.getString("name", business.businessId()))
                            .add("features", requirements.containsKey("mvp_features") ? requirements.get("mvp_features") : JsonValue.EMPTY_JSON_ARRAY)
                            .add("tech_stack", requirements.containsKey("tech_stack") ? requirements.get("tech_stack") : JsonValue.EMPTY_JSON_ARRAY)
                            .add("team", team == null ? JsonValue.EMPTY_JSON_ARRAY : team.get("agents"))
                            .add("tasks", tasks)
                            .add("projected_monthly_revenue", projection.projectedMonthlyRevenue())
                            .build()));
        } catch (SQLException e) {
            throw new StoreUnavailable(e);
        }
    }

    /** The agent's stored trajectories, best first, at most {@code limit}. */
    public List<Trajectory> trajectoriesOf(String agent, int limit) {
        try {
            return memory.trajectoriesOf(agent, limit);
        } catch (SQLException e) {
            throw new StoreUnavailable(e);
        }
    }

    /** Keeps what an evolution run produced: its new trajectories and its learned case. */
    public void keep(EvolutionOutcome outcome) {
        try {
            memory.saveTrajectories(outcome.generated());
            memory.saveCase(outcome.learnedCase());
        } catch (SQLException e) {
            throw new StoreUnavailable(e);
        }
    }
}
