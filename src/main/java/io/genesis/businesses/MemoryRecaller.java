package io.genesis.businesses;

import io.genesis.api.JsonConventions;
import io.genesis.economics.RevenueEstimate;
import io.genesis.memory.MemoryStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.sql.SQLException;
import java.util.List;

/**
 * The Meta-Agent's use of memory: success patterns are written under namespace {@value #NAMESPACE} (subject = the
 * business type) and recalled when a business of the same type is planned.
 */
@ApplicationScoped
public class MemoryRecaller {

    static final String NAMESPACE = "business_success";
    private static final int EXAMPLES = 3;

    @Inject
    MemoryStore memory;

    public MemoryRecall recall(String businessType) throws SQLException {
        long count = memory.count(NAMESPACE, businessType);
        List<String> names = memory.recall(NAMESPACE, businessType, EXAMPLES).stream()
                .map(m -> m.value().getString("name", m.key())).toList();
        return new MemoryRecall(count, names);
    }

    public void rememberSuccess(BusinessRecord business, JsonObject requirements, RevenueEstimate projection, int tasks)
            throws SQLException {
        JsonObject team = business.teamComposition();
        memory.remember(new MemoryStore.Memory(NAMESPACE, business.businessType(), business.businessId(), JsonConventions.json().createObjectBuilder()
                .add("name", requirements.getString("name", business.businessId()))
                .add("features", requirements.containsKey("mvp_features") ? requirements.get("mvp_features") : JsonValue.EMPTY_JSON_ARRAY)
                .add("tech_stack", requirements.containsKey("tech_stack") ? requirements.get("tech_stack") : JsonValue.EMPTY_JSON_ARRAY)
                .add("team", team == null ? JsonValue.EMPTY_JSON_ARRAY : team.get("agents"))
                .add("tasks", tasks)
                .add("projected_monthly_revenue", projection.projectedMonthlyRevenue())
                .build()));
    }
}
