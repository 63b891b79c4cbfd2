package io.genesis.agents;

import io.genesis.agents.llm.LlmClients;
import io.genesis.agents.llm.LlmSettings;
import io.genesis.agents.llm.ModelRoster;
import io.genesis.agents.llm.TokenPrices;
import io.genesis.catalog.TaskAssignment;
import io.genesis.routing.ModelTier;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Which agents' tasks run on the configured model and with what ({@link ModelRoster} over MicroProfile Config:
 * {@code genesis.llm.agents}, {@code genesis.llm.tenants}, {@code genesis.llm.models.*},
 * {@code genesis.llm.agents.<agent>.*}), and what their tokens cost ({@link TokenPrices}: {@code genesis.llm.prices.*}).
 * The DAAO tier of a task is {@code task.model_tier} of its content; a task whose {@code purchase} buys from the vendor
 * at {@code genesis.llm.premium-vendor-url} (the catalogue's {@code llm-premium}) paid for the premium model over x402
 * before its handler runs ({@code payments.PurchaseDecorator}, under the purchase rules), so it runs on the premium
 * class.
 */
@ApplicationScoped
public class AgentModels {

    private static final Logger LOG = Logger.getLogger(AgentModels.class.getName());

    @Inject
    Config config;

    @Inject
    LlmClients endpoint;

    @Inject
    @ConfigProperty(name = "genesis.llm.max-tokens")
    int maxTokens;

    @Inject
    @ConfigProperty(name = "genesis.llm.premium-vendor-url")
    Optional<String> premiumVendorUrl;

    private ModelRoster roster;
    private TokenPrices prices;

    @PostConstruct
    void init() {
        Set<String> agents = Set.copyOf(list("genesis.llm.agents"));
        Set<String> tenants = Set.copyOf(list("genesis.llm.tenants"));
        Optional<LlmSettings> settings = endpoint.settings();
        roster = new ModelRoster(key -> config.getOptionalValue(key, String.class).map(String::strip).filter(value -> !value.isEmpty()),
                agents, tenants, settings.map(LlmSettings::model).orElse("none"), settings.map(LlmSettings::temperature).orElse(0.0),
                maxTokens, settings.map(LlmSettings::requestTimeout).orElse(Duration.ofSeconds(1)));
        prices = new TokenPrices(key -> config.getOptionalValue(key, BigDecimal.class));
        settings.ifPresent(endpoint -> LOG.info("Agents on the model: " + (agents.isEmpty() ? "all" : agents) + ", tenants: "
                + (tenants.isEmpty() ? "all" : tenants)));
    }

    private List<String> list(String key) {
        return config.getOptionalValues(key, String.class).orElse(List.of()).stream().map(String::strip)
                .filter(value -> !value.isEmpty()).toList();
    }

    /** Whether a model is configured at all ({@code genesis.llm.base-url}). */
    public boolean configured() {
        return endpoint.settings().isPresent();
    }

    /** Whether a model is configured and selects this agent (for some tenant). */
    public boolean selects(String agent) {
        return configured() && roster.selects(agent);
    }

    /** Whether a model is configured and a task of that tenant for that agent uses it. */
    public boolean uses(String tenant, String agent) {
        return configured() && roster.uses(tenant, agent);
    }

    /** The model and settings of a task of that agent with that content. */
    public ModelRoster.Choice choose(String agent, JsonValue content) {
        String tier = TaskAssignment.parse(content).task().modelTier();
        ModelRoster.TierClass tierClass = ModelTier.ofModel(tier).filter(ModelTier::premium)
                .map(premium -> ModelRoster.TierClass.PREMIUM).orElse(ModelRoster.TierClass.CHEAP);
        return roster.choose(agent, tier, tierClass, boughtPremium(content));
    }

    /** Whether the task's purchase is a call of the premium model ({@code vendor_url} under the premium vendor's URL). */
    boolean boughtPremium(JsonValue content) {
        JsonObject purchase = TaskAssignment.parse(content).purchase();
        String vendor = premiumVendorUrl.map(String::strip).filter(url -> !url.isEmpty()).orElse(null);
        if (purchase == null || vendor == null || !(purchase.get("vendor_url") instanceof JsonString url)) {
            return false;
        }
        String base = vendor.endsWith("/") ? vendor : vendor + "/";
        return url.getString().equals(vendor) || url.getString().startsWith(base);
    }

    public TokenPrices prices() {
        return prices;
    }

    /** Whether the endpoint is sent the schema in {@code response_format} (else it goes into the prompt). */
    public boolean schemaInPrompt() {
        return endpoint.settings().map(settings -> settings.responseFormat().schemaInPrompt()).orElse(true);
    }
}
