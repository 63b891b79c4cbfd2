package io.genesis.businesses;

import io.genesis.api.JsonConventions;
import io.genesis.agents.BusinessIdea;
import io.genesis.agents.IdeaGenerator;
import io.genesis.agents.MemoryHint;
import io.genesis.catalog.BusinessArchetype;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.List;
import java.util.Locale;

/**
 * GENERATING_IDEA: the business's finalised requirements, in the names of the guide's {@code BusinessRequirements}
 * (name, description, target_audience, monetization, mvp_features, tech_stack, success_metrics, business_type,
 * estimated_time). The idea generator (offline and deterministic, or an OpenAI-compatible model when configured) is
 * seeded by the type, the caller's requirements and what memory recalls of similar businesses; the caller's success
 * metrics and estimated time are kept, else the archetype's; the archetype adds the agents, difficulty and deployment
 * time.
 */
@ApplicationScoped
public class IdeaStep {

    @Inject
    IdeaGenerator generator;

    public JsonObject requirements(BusinessRecord business, BusinessArchetype archetype, MemoryRecall memory)
            throws InterruptedException {
        JsonObject given = business.request().getJsonObject("requirements");
        JsonObject asked = given == null ? JsonObject.EMPTY_JSON_OBJECT : given;
        BusinessIdea idea = generator.generate(business.tenantId(), business.businessType(), asked,
                new MemoryHint((int) memory.similarBusinesses(), memory.examples()));
        JsonObjectBuilder requirements = JsonConventions.json().createObjectBuilder()
                .add("business_type", idea.businessType())
                .add("name", idea.name())
                .add("description", idea.description())
                .add("target_audience", idea.targetMarket())
                .add("monetization", idea.monetization())
                .add("mvp_features", JsonConventions.array(idea.mvpFeatures()))
                .add("tech_stack", JsonConventions.array(idea.techStack()))
                .add("success_metrics", asked.get("success_metrics") instanceof JsonObject metrics ? metrics : metrics(archetype))
                .add("estimated_time", asked.getString("estimated_time", archetype.timeToDeploy()))
                .add("source", idea.source())
                .add("required_agents", JsonConventions.array(archetype.requiredAgents()))
                .add("difficulty", archetype.difficulty().name().toLowerCase(Locale.ROOT))
                .add("time_to_deploy", archetype.timeToDeploy());
        for (String passThrough : List.of("budget_usd", "simulate")) {
            if (asked.containsKey(passThrough)) {
                requirements.add(passThrough, asked.get(passThrough));
            }
        }
        return requirements.build();
    }

    private static JsonObject metrics(BusinessArchetype archetype) {
        JsonObjectBuilder metrics = JsonConventions.json().createObjectBuilder();
        archetype.successMetrics().forEach(metrics::add);
        return metrics.build();
    }
}
