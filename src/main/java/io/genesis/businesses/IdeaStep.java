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
 * GENERATING_IDEA: the business's resolved requirements. The idea generator (offline and deterministic, or an
 * OpenAI-compatible model when configured) is seeded by the type, the caller's requirements and what memory recalls
 * of similar businesses; the archetype adds the agents, difficulty and deployment time.
 */
@ApplicationScoped
public class IdeaStep {

    @Inject
    IdeaGenerator generator;

    public JsonObject requirements(BusinessRecord business, BusinessArchetype archetype, MemoryRecall memory)
            throws InterruptedException {
        JsonObject given = business.request().getJsonObject("requirements");
        JsonObject asked = given == null ? JsonObject.EMPTY_JSON_OBJECT : given;
        BusinessIdea idea = generator.generate(business.businessType(), asked,
                new MemoryHint((int) memory.similarBusinesses(), memory.examples()));
        JsonObjectBuilder requirements = JsonConventions.json().createObjectBuilder(idea.toJson())
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

}
