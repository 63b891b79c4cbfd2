package io.genesis.economics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code GenesisMetaAgent._extract_deployment_url}: the first completed task result with a {@code deployment_url},
 * else the first with a {@code url}, else, in simulation, {@code https://simulated-{first 8 characters of the business
 * id}.vercel.app}. Only completed tasks count (a failed deploy's URL does not serve the business), and only
 * non-blank string values.
 */
@ApplicationScoped
public class DeploymentUrls {

    public static final String DEPLOYMENT_URL_KEY = "deployment_url";
    public static final String URL_KEY = "url";
    public static final int SIMULATED_ID_LENGTH = 8;

    public Optional<String> extract(String businessId, List<TaskOutcome> outcomes, boolean simulation) {
        Optional<String> found = first(outcomes, DEPLOYMENT_URL_KEY).or(() -> first(outcomes, URL_KEY));
        if (found.isPresent() || !simulation) {
            return found;
        }
        String id = businessId == null ? "" : businessId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("a simulated deployment URL needs a business id");
        }
        return Optional.of("https://simulated-" + id.substring(0, Math.min(SIMULATED_ID_LENGTH, id.length())) + ".vercel.app");
    }

    private static Optional<String> first(List<TaskOutcome> outcomes, String key) {
        return outcomes.stream()
                .filter(outcome -> outcome.status() == TaskOutcome.Status.COMPLETED)
                .map(TaskOutcome::result)
                .map(result -> text(result, key))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<String> text(JsonObject result, String key) {
        return result.get(key) instanceof JsonString value && !value.getString().isBlank()
                ? Optional.of(value.getString().strip()) : Optional.empty();
    }
}
