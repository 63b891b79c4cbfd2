package io.genesis.planning;

import java.util.List;

/**
 * What the planner decomposes: the business, its archetype ({@code saas_tool}, {@code content_website}, ...), the
 * free-text requirements, the MVP features and the tech stack.
 */
public record PlanningRequest(String businessId, String businessType, String requirementsText, List<String> features,
                              List<String> techStack) {

    public PlanningRequest {
        requirementsText = requirementsText == null ? "" : requirementsText;
        features = features == null ? List.of() : List.copyOf(features);
        techStack = techStack == null ? List.of() : List.copyOf(techStack);
    }
}
