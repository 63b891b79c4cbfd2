package io.genesis.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One kind of business Genesis can create, mirroring {@code BusinessArchetype} of the Genesis code.
 *
 * @param type             identifier used in requests, e.g. {@code saas_tool}
 * @param name             human-readable name
 * @param description      one-sentence summary
 * @param typicalFeatures  MVP features to scaffold
 * @param techStack        technologies of the default stack
 * @param requiredAgents   minimum agent roles, as names of our agent registry ({@code genesis.agents})
 * @param successMetrics   KPI name to target, e.g. {@code activation_rate -> "> 30%"}
 * @param timeToDeploy     upper bound of the build-and-deploy time, as the Genesis code states it (e.g. {@code "<4h"})
 * @param difficulty       how hard it is to build
 * @param monetizationModel how it makes money
 * @param targetMarket     who it is for
 */
public record BusinessArchetype(String type, String name, String description, List<String> typicalFeatures,
                                List<String> techStack, List<String> requiredAgents, Map<String, String> successMetrics,
                                String timeToDeploy, Difficulty difficulty, String monetizationModel,
                                String targetMarket) {

    public BusinessArchetype {
        requireText(type, "type");
        requireText(name, "name");
        requireText(description, "description");
        requireText(timeToDeploy, "timeToDeploy");
        requireText(monetizationModel, "monetizationModel");
        requireText(targetMarket, "targetMarket");
        Objects.requireNonNull(difficulty, "difficulty");
        typicalFeatures = List.copyOf(typicalFeatures);
        techStack = List.copyOf(techStack);
        requiredAgents = List.copyOf(requiredAgents);
        successMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(successMetrics));
        if (typicalFeatures.isEmpty() || techStack.isEmpty() || requiredAgents.isEmpty()) {
            throw new IllegalArgumentException(type + ": features, tech stack and required agents must not be empty");
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("business archetype " + field + " must not be blank");
        }
    }
}
