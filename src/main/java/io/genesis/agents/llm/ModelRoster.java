package io.genesis.agents.llm;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which tasks run on the model and with which settings, from MicroProfile Config. Pure: it reads through the lookup
 * it is given.
 * <ul>
 * <li>{@code genesis.llm.agents} (list; unset or empty = every agent) and {@code genesis.llm.tenants} (list; unset or
 * empty = every tenant): a task uses the model only if both select it, and a model is configured.</li>
 * <li>The model of a task: {@code genesis.llm.agents.<agent>.model}, else {@code genesis.llm.models.<DAAO tier>}
 * (the tier's model name exactly as DAAO writes it into {@code business_tasks.model_tier}, e.g.
 * {@code genesis.llm.models.gpt-4o}), else {@code genesis.llm.models.<cheap|premium>} by the tier's class, else
 * {@code genesis.llm.model}. A task without a tier is cheap. A task that bought the premium model over x402 skips the
 * exact tier key and uses the premium class.</li>
 * <li>{@code genesis.llm.agents.<agent>.temperature|max-tokens|timeout-ms}, else {@code genesis.llm.temperature},
 * {@code genesis.llm.max-tokens}, {@code genesis.llm.timeout-ms}.</li>
 * </ul>
 */
public final class ModelRoster {

    /** The class of a DAAO tier that picks the model when no exact tier key is set. */
    public enum TierClass {
        CHEAP, PREMIUM;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What one task of one agent runs with.
     *
     * @param premiumBought whether the premium class comes from a purchase of the task rather than its tier
     */
    public record Choice(String model, String tier, TierClass tierClass, boolean premiumBought, double temperature, int maxTokens,
                         Duration timeout) {
    }

    private final Function<String, Optional<String>> config;
    private final Set<String> agents;
    private final Set<String> tenants;
    private final String defaultModel;
    private final double defaultTemperature;
    private final int defaultMaxTokens;
    private final Duration defaultTimeout;

    /**
     * @param config  a configuration value by key, empty when unset or blank
     * @param agents  the agents that use the model; empty = all
     * @param tenants the tenants whose tasks use the model; empty = all
     */
    public ModelRoster(Function<String, Optional<String>> config, Set<String> agents, Set<String> tenants, String defaultModel,
                       double defaultTemperature, int defaultMaxTokens, Duration defaultTimeout) {
        this.config = config;
        this.agents = Set.copyOf(agents);
        this.tenants = Set.copyOf(tenants);
        this.defaultModel = defaultModel;
        this.defaultTemperature = defaultTemperature;
        this.defaultMaxTokens = defaultMaxTokens;
        this.defaultTimeout = defaultTimeout;
    }

    /** Whether the agent is one that uses the model ({@code genesis.llm.agents}). */
    public boolean selects(String agent) {
        return agents.isEmpty() || agents.contains(agent);
    }

    /** Whether a task of that tenant for that agent uses the model. */
    public boolean uses(String tenant, String agent) {
        return selects(agent) && (tenants.isEmpty() || tenant != null && tenants.contains(tenant));
    }

    /**
     * The model and settings of one task.
     *
     * @param tier      the DAAO tier of the task (its model name), or null
     * @param tierClass the class of that tier (cheap when there is none)
     */
    public Choice choose(String agent, String tier, TierClass tierClass) {
        return choose(agent, tier, tierClass, false);
    }

    /**
     * The model and settings of one task.
     *
     * @param premiumBought the task bought the premium model over x402: the premium class, whatever its tier
     */
    public Choice choose(String agent, String tier, TierClass tierClass, boolean premiumBought) {
        TierClass kind = premiumBought ? TierClass.PREMIUM : tierClass == null ? TierClass.CHEAP : tierClass;
        String prefix = "genesis.llm.agents." + agent + ".";
        String model = config.apply(prefix + "model")
                .or(() -> tier == null || premiumBought ? Optional.empty() : config.apply("genesis.llm.models." + tier))
                .or(() -> config.apply("genesis.llm.models." + kind.key()))
                .orElse(defaultModel);
        double temperature = config.apply(prefix + "temperature").map(Double::parseDouble).orElse(defaultTemperature);
        int maxTokens = config.apply(prefix + "max-tokens").map(Integer::parseInt).orElse(defaultMaxTokens);
        Duration timeout = config.apply(prefix + "timeout-ms").map(Long::parseLong).map(Duration::ofMillis).orElse(defaultTimeout);
        if (temperature < 0 || temperature > 2 || maxTokens < 1 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("invalid model settings for " + agent + ": temperature must be within 0..2,"
                    + " max-tokens and timeout-ms positive");
        }
        return new Choice(model, tier, kind, premiumBought, temperature, maxTokens, timeout);
    }
}
