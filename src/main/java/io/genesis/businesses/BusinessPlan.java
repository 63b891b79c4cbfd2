package io.genesis.businesses;

import io.genesis.routing.RoutingPlan;
import io.genesis.safety.SafetyVerdict;
import io.genesis.teams.TeamComposition;
import io.genesis.validation.ValidationReport;
import jakarta.json.JsonObject;

import java.util.List;
import java.util.Map;

/**
 * Everything planning decided for a business, before anything is persisted: the idea (requirements), the team, the
 * routed and optimised DAG as task rows, the validation and safety verdicts, and the plan metadata.
 */
public record BusinessPlan(JsonObject requirements, TeamComposition team, List<BusinessTask> tasks, RoutingPlan routing,
                           ValidationReport validation, Map<String, SafetyVerdict> unsafeTasks, int dagDepth,
                           JsonObject metadata) {

    public boolean unsafe() {
        return !unsafeTasks.isEmpty();
    }
}
