package io.genesis.businesses;

import io.genesis.api.JsonConventions;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The body of {@code POST /api/businesses}: the business type, the caller's {@link Requirements} (the Meta-Agent guide's
 * {@code BusinessRequirements}), whether the business runs autonomously and its tenant. Every rule is checked when it
 * is built; a broken rule is an {@link InvalidBusinessRequest} naming the field.
 *
 * @param businessType {@code business_type}, or {@code requirements.business_type} when only that is given (whether it
 *                     names an archetype is the catalogue's to say)
 * @param autonomous   null when not given (autonomous)
 */
public record BusinessRequest(String businessType, Requirements requirements, Boolean autonomous, String tenantId) {

    static final Set<String> FIELDS = new TreeSet<>(List.of("business_type", "requirements", "autonomous", "tenant_id"));
    static final int MAX_LIST_ITEMS = 20;
    static final int MAX_ITEM_LENGTH = 200;
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
     * What the caller asks for, every field optional. {@code features} and {@code target_market} are the older names of
     * {@code mvp_features} and {@code target_audience}: either may be given, both only with the same value.
     *
     * @param budgetUsd a spending cap the plan is validated against (ours)
     * @param simulate  test hooks per agent name or {@code "*"} (ours)
     */
    public record Requirements(String name, String description, String targetAudience, String monetization,
                               List<String> mvpFeatures, List<String> techStack, Map<String, String> successMetrics,
                               String businessType, String estimatedTime, Double budgetUsd, JsonObject simulate) {

        static final Set<String> FIELDS = new TreeSet<>(List.of("name", "description", "target_audience", "monetization",
                "mvp_features", "tech_stack", "success_metrics", "business_type", "estimated_time", "features",
                "target_market", "budget_usd", "simulate"));
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

        static Requirements of(JsonObject json) {
            unknown(json, FIELDS, "requirements.");
            List<String> mvp = aliased(strings(json, "mvp_features"), strings(json, "features"), "mvp_features", "features");
            String audience = aliased(text(json, "requirements.", "target_audience"), text(json, "requirements.", "target_market"), "target_audience", "target_market");
            JsonValue budget = json.get("budget_usd");
            if (budget != null && !(budget instanceof JsonNumber)) {
                throw new InvalidBusinessRequest("requirements.budget_usd",
                        "requirements.budget_usd must be a positive number of dollars (at most 10,000,000)");
            }
            JsonValue simulate = json.get("simulate");
            if (simulate != null && !(simulate instanceof JsonObject)) {
                throw new InvalidBusinessRequest("requirements.simulate",
                        "requirements.simulate must map agent names (or \"*\") to hook objects");
            }
            return new Requirements(text(json, "requirements.", "name"), text(json, "requirements.", "description"), audience, text(json, "requirements.", "monetization"), mvp,
                    strings(json, "tech_stack"), metrics(json), text(json, "requirements.", "business_type"), text(json, "requirements.", "estimated_time"),
                    budget == null ? null : ((JsonNumber) budget).doubleValue(), (JsonObject) simulate);
        }
    }

    /** The body as JSON-P; unknown fields, wrong types and conflicting aliases are refused by name. */
    public static BusinessRequest of(JsonObject body) {
        unknown(body, FIELDS, "");
        JsonValue requirements = body.get("requirements");
        if (requirements != null && requirements != JsonValue.NULL && !(requirements instanceof JsonObject)) {
            throw new InvalidBusinessRequest("requirements", "requirements must be a JSON object");
        }
        JsonValue autonomous = body.get("autonomous");
        if (autonomous != null && autonomous != JsonValue.TRUE && autonomous != JsonValue.FALSE) {
            throw new InvalidBusinessRequest("autonomous", "autonomous must be true or false");
        }
        return new BusinessRequest(text(body, "", "business_type"),
                requirements instanceof JsonObject given ? Requirements.of(given) : null,
                autonomous == null ? null : autonomous == JsonValue.TRUE, text(body, "", "tenant_id"));
    }

    /** What is stored as the business's request: the guide's names only (aliases resolved). */
    public JsonObject toJson() {
        JsonObjectBuilder json = JsonConventions.json().createObjectBuilder().add("business_type", businessType)
                .add("requirements", requirements.toJson()).add("autonomous", runsAutonomously());
        put(json, "tenant_id", tenantId);
        return json.build();
    }

    private static void unknown(JsonObject json, Set<String> accepted, String prefix) {
        for (String field : json.keySet()) {
            if (!accepted.contains(field)) {
                throw new InvalidBusinessRequest(prefix + field, "Unknown " + (prefix.isEmpty() ? "field" : "requirements field")
                        + " '" + field + "'; accepted: " + String.join(", ", accepted));
            }
        }
    }

    private static <T> T aliased(T name, T alias, String nameField, String aliasField) {
        if (name != null && alias != null && !Objects.equals(name, alias)) {
            throw new InvalidBusinessRequest("requirements." + nameField, "requirements." + nameField + " and its alias requirements."
                    + aliasField + " differ; give one, or both the same");
        }
        return name != null ? name : alias;
    }

    private static String text(JsonObject json, String prefix, String field) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString s)) {
            throw new InvalidBusinessRequest(prefix + field, prefix + field + " must be a string");
        }
        return s.getString();
    }

    private static List<String> strings(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonArray array) || array.size() > MAX_LIST_ITEMS
                || !array.stream().allMatch(item -> item instanceof JsonString s && !s.getString().isBlank()
                && s.getString().length() <= MAX_ITEM_LENGTH)) {
            throw new InvalidBusinessRequest("requirements." + field, "requirements." + field + " must be an array of at most "
                    + MAX_LIST_ITEMS + " non-empty strings of at most " + MAX_ITEM_LENGTH + " characters");
        }
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static Map<String, String> metrics(JsonObject json) {
        JsonValue value = json.get("success_metrics");
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonObject metrics) || metrics.size() > MAX_LIST_ITEMS
                || !metrics.entrySet().stream().allMatch(e -> !e.getKey().isBlank() && e.getKey().length() <= MAX_ITEM_LENGTH
                && e.getValue() instanceof JsonString s && !s.getString().isBlank() && s.getString().length() <= MAX_ITEM_LENGTH)) {
            throw new InvalidBusinessRequest("requirements.success_metrics", "requirements.success_metrics must map at most "
                    + MAX_LIST_ITEMS + " metric names to non-empty targets of at most " + MAX_ITEM_LENGTH + " characters");
        }
        Map<String, String> targets = new LinkedHashMap<>();
        metrics.forEach((name, target) -> targets.put(name, ((JsonString) target).getString()));
        return targets;
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
