package io.genesis.businesses;

import io.genesis.businesses.catalog.BusinessArchetype;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.List;

/**
 * GENERATING_IDEA: the business's resolved requirements. What the caller gave wins; the rest comes from the
 * archetype, and the name is derived deterministically from the type and how many similar businesses memory holds.
 */
@ApplicationScoped
public class IdeaStep {

    public JsonObject requirements(BusinessRecord business, BusinessArchetype archetype, MemoryRecall memory) {
        JsonObject given = business.request().getJsonObject("requirements");
        JsonObject asked = given == null ? JsonObject.EMPTY_JSON_OBJECT : given;
        String name = asked.getString("name", archetype.name() + " #" + (memory.similarBusinesses() + 1));
        JsonObjectBuilder idea = Json.createObjectBuilder()
                .add("name", name)
                .add("description", asked.getString("description", archetype.description()))
                .add("mvp_features", asked.containsKey("features") ? asked.get("features") : array(archetype.typicalFeatures()).build())
                .add("tech_stack", asked.containsKey("tech_stack") ? asked.get("tech_stack") : array(archetype.techStack()).build())
                .add("monetization", asked.getString("monetization", archetype.monetizationModel()))
                .add("target_market", asked.getString("target_market", archetype.targetMarket()))
                .add("required_agents", array(archetype.requiredAgents()))
                .add("difficulty", archetype.difficulty().name().toLowerCase(java.util.Locale.ROOT))
                .add("time_to_deploy", archetype.timeToDeploy());
        for (String passThrough : List.of("budget_usd", "simulate")) {
            if (asked.containsKey(passThrough)) {
                idea.add(passThrough, asked.get(passThrough));
            }
        }
        return idea.build();
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }
}
