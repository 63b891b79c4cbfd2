package io.genesis.businesses;

import io.genesis.api.JsonConventions;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code POST /api/businesses} asks for: the business type, the caller's {@link Requirements} (the Meta-Agent
 * guide's {@code BusinessRequirements}), whether the business runs autonomously and its tenant. The wire format and its
 * aliases are the boundary's; the rules that hold whatever the source are checked when it is built, a broken one is an
 * {@link InvalidBusinessRequest} naming the field.
 *
 * @param businessType {@code business_type}, or {@code requirements.business_type} when only that is given (whether it
 *                     names an archetype is the catalogue's to say)
 * @param autonomous   null when not given (autonomous)
 */
public record BusinessRequest(String businessType, Requirements requirements, Boolean autonomous, String tenantId) {

    private static final double MAX_BUDGET_USD = 10_000_000;

    public BusinessRequest {
        requirements = requirements == null ? Requirements.NONE : requirements;
        if (businessType != null && requirements.businessType() != null && !businessType.equals(requirements.businessType())) {
            throw new InvalidBusinessRequest("business_type", "business_type '" + businessType + "' and requirements.business_type '"
                    + requirements.businessType() + "' differ; give one, or both the same");
        }
        businessType = businessType != null ? businessType : requirements.businessType();
    }

    public boolean runsAutonomously() {
        return autonomous == null || autonomous;
    }

    /**
     * What the caller asks for, every field optional.
     *
     * @param budgetUsd a spending cap the plan is validated against (ours)
     * @param simulate  test hooks per agent name or {@code "*"} (ours)
     */
    public record Requirements(String name, String description, String targetAudience, String monetization,
                               List<String> mvpFeatures, List<String> techStack, Map<String, String> successMetrics,
                               String businessType, String estimatedTime, Double budgetUsd, JsonObject simulate) {

        static final Requirements NONE = new Requirements(null, null, null, null, null, null, null, null, null, null, null);

        public Requirements {
            mvpFeatures = mvpFeatures == null ? null : List.copyOf(mvpFeatures);
            techStack = techStack == null ? null : List.copyOf(techStack);
            successMetrics = successMetrics == null ? null : Map.copyOf(successMetrics);
            if (budgetUsd != null && (budgetUsd <= 0 || budgetUsd > MAX_BUDGET_USD)) {
                throw new InvalidBusinessRequest("requirements.budget_usd",
                        "requirements.budget_usd must be a positive number of dollars (at most 10,000,000)");
            }
            if (simulate != null && !simulate.values().stream().allMatch(v -> v instanceof JsonObject)) {
                throw new InvalidBusinessRequest("requirements.simulate",
                        "requirements.simulate must map agent names (or \"*\") to hook objects");
            }
        }

        /** The given fields under the guide's names only. */
        public JsonObject toJson() {
            JsonObjectBuilder json = JsonConventions.json().createObjectBuilder();
            put(json, "name", name);
            put(json, "description", description);
            put(json, "target_audience", targetAudience);
            put(json, "monetization", monetization);
            if (mvpFeatures != null) {
                json.add("mvp_features", JsonConventions.array(mvpFeatures));
            }
            if (techStack != null) {
                json.add("tech_stack", JsonConventions.array(techStack));
            }
            if (successMetrics != null) {
                JsonObjectBuilder metrics = JsonConventions.json().createObjectBuilder();
                new TreeMap<>(successMetrics).forEach(metrics::add);
                json.add("success_metrics", metrics);
            }
            put(json, "business_type", businessType);
            put(json, "estimated_time", estimatedTime);
            if (budgetUsd != null) {
                json.add("budget_usd", budgetUsd);
            }
            if (simulate != null) {
                json.add("simulate", simulate);
            }
            return json.build();
        }

        /** Every free text of the requirements with its field name (what the injection check reads). */
        public Map<String, String> texts() {
            Map<String, String> texts = new LinkedHashMap<>();
            putText(texts, "requirements.name", name);
            putText(texts, "requirements.description", description);
            putText(texts, "requirements.target_audience", targetAudience);
            putText(texts, "requirements.monetization", monetization);
            putText(texts, "requirements.estimated_time", estimatedTime);
            if (mvpFeatures != null) {
                mvpFeatures.forEach(feature -> texts.merge("requirements.mvp_features", feature, (a, b) -> a + "\n" + b));
            }
            if (techStack != null) {
                techStack.forEach(tech -> texts.merge("requirements.tech_stack", tech, (a, b) -> a + "\n" + b));
            }
            if (successMetrics != null) {
                successMetrics.forEach((metric, target) -> texts.merge("requirements.success_metrics", metric + " " + target,
                        (a, b) -> a + "\n" + b));
            }
            return texts;
        }
    }

    /** What is stored as the business's request: the guide's names only (aliases resolved). */
    public JsonObject toJson() {
        JsonObjectBuilder json = JsonConventions.json().createObjectBuilder().add("business_type", businessType)
                .add("requirements", requirements.toJson()).add("autonomous", runsAutonomously());
        put(json, "tenant_id", tenantId);
        return json.build();
    }

    private static void put(JsonObjectBuilder json, String key, String value) {
        if (value != null) {
            json.add(key, value);
        }
    }

    private static void putText(Map<String, String> texts, String key, String value) {
        if (value != null) {
            texts.put(key, value);
        }
    }
}
