package io.genesis.agents;

import io.genesis.api.JsonConventions;
import jakarta.json.JsonObject;

import java.util.List;

/**
 * A business idea as the Meta-Agent's {@code BusinessRequirements} needs it.
 *
 * @param source {@code offline} (deterministic generator) or {@code llm}
 */
public record BusinessIdea(String businessType, String name, String description, List<String> mvpFeatures,
                           List<String> techStack, String monetization, String targetMarket, String source) {

    public static final String OFFLINE = "offline";
    public static final String LLM = "llm";

    public BusinessIdea {
        mvpFeatures = List.copyOf(mvpFeatures);
        techStack = List.copyOf(techStack);
    }

    public JsonObject toJson() {
        return JsonConventions.json().createObjectBuilder()
                .add("business_type", businessType)
                .add("name", name)
                .add("description", description)
                .add("mvp_features", JsonConventions.json().createArrayBuilder(mvpFeatures))
                .add("tech_stack", JsonConventions.json().createArrayBuilder(techStack))
                .add("monetization", monetization)
                .add("target_market", targetMarket)
                .add("source", source)
                .build();
    }
}
