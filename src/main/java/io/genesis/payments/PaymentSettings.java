package io.genesis.payments;

import io.genesis.payments.policy.MetaAgentPolicy;
import io.genesis.payments.policy.PolicySettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * Every {@code genesis.payments.*} setting, read once at start-up: mode, token, vendor catalogue ({@link VendorCatalogue}), whitelists,
 * Genesis budget defaults per agent, limits and the policy's tunables (docs/payments.md lists them with defaults).
 */
@ApplicationScoped
public class PaymentSettings {

    private static final Logger LOG = Logger.getLogger(PaymentSettings.class.getName());
    private static final String PREFIX = "genesis.payments.";
    private static final String WHITELIST = PREFIX + "whitelist.";
    private static final String SIMULATION_KEY = "genesis.simulation.enabled";

    /** The x402 token purchases are paid in: CAIP-2 network, contract address, EIP-712 domain and decimals. */
    public record Token(String network, String asset, String name, String version, int decimals) {
    }

    private Config config;
    private boolean simulated;
    private boolean simulationEnabled;
    private Token token;
    private Map<String, Vendor> vendors;
    private List<String> defaultWhitelist;
    private long defaultDailyCents;
    private PolicySettings policy;
    private MetaAgentPolicy metaAgent;

    @PostConstruct
    void load() {
        config = ConfigProvider.getConfig(getClass().getClassLoader());
        String mode = config.getValue(PREFIX + "mode", String.class).trim();
        if (!mode.equals("simulated") && !mode.equals("live")) {
            throw new IllegalStateException(PREFIX + "mode must be simulated or live, not " + mode);
        }
        simulated = mode.equals("simulated");
        simulationEnabled = config.getValue(SIMULATION_KEY, Boolean.class);
        token = new Token(text("network"), text("asset"), text("asset-name"), text("asset-version"),
                config.getValue(PREFIX + "asset-decimals", Integer.class));
        vendors = Collections.unmodifiableMap(VendorCatalogue.read(config.getPropertyNames(),
                key -> config.getOptionalValue(key, String.class), key -> config.getOptionalValues(key, String.class).orElse(List.of())));
        defaultWhitelist = config.getValues(WHITELIST + "default", String.class);
        defaultDailyCents = config.getValue(PREFIX + "budgets.default-daily-cents", Long.class);
        policy = new PolicySettings(Set.of(token.network()), Set.of(token.asset()),
                config.getOptionalValues(PREFIX + "fraud-phrases", String.class).orElse(List.of()),
                config.getValue(PREFIX + "auto-approve-below-cents", Long.class),
                config.getValue(PREFIX + "velocity-per-minute", Integer.class),
                Duration.ofMinutes(config.getValue(PREFIX + "duplicate-window-minutes", Long.class)));
        metaAgent = new MetaAgentPolicy(config.getValue(PREFIX + "meta-agent.approve-max-cents", Long.class));
        LOG.info("Payments: " + mode + ", " + vendors.size() + " vendors, token " + token.asset() + " on " + token.network()
                + ", facilitator " + text("facilitator.url"));
    }

    private String text(String key) {
        return config.getValue(PREFIX + key, String.class).trim();
    }

    private long number(String key) {
        return config.getValue(PREFIX + key, Long.class);
    }

    public boolean simulated() {
        return simulated;
    }

    /**
     * Why payments cannot run as configured, if they cannot: simulated mode pays the simulated vendors and facilitator
     * under {@code /sim/x402}, which exist only while {@code genesis.simulation.enabled} is true.
     */
    public Optional<String> misconfiguration() {
        return simulated && !simulationEnabled ? Optional.of("Payments are in simulated mode (" + PREFIX
                + "mode=simulated) but simulation is off (" + SIMULATION_KEY + "=false): set " + PREFIX
                + "mode=live with wallet keys and a facilitator, or turn simulation on (development and tests only)")
                : Optional.empty();
    }

    /** Refuses with {@link PaymentsNotConfigured} when {@link #misconfiguration()} says why. */
    public void requireUsable() {
        misconfiguration().ifPresent(reason -> {
            throw new PaymentsNotConfigured(reason);
        });
    }

    public Token token() {
        return token;
    }

    public Optional<Vendor> vendor(String id) {
        return Optional.ofNullable(vendors.get(id));
    }

    /** The catalogued vendor whose resources include {@code url}. */
    public Optional<Vendor> vendorServing(URI url) {
        return vendors.values().stream().filter(vendor -> vendor.serves(url)).findFirst();
    }

    /** True when the vendor is one of the simulated vendors this application serves under {@code /sim/x402/vendors/}. */
    public boolean simulates(Vendor vendor) {
        String base = VendorUrl.normalised(config.getValue(PREFIX + "sim.base-url", String.class)).toString();
        return vendor.url().toString().startsWith((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/sim/x402/vendors/");
    }

    /** The whole catalogue, listed vendors first, in configuration order. */
    public Collection<Vendor> vendors() {
        return vendors.values();
    }

    /** Agents with a whitelist of their own ({@code genesis.payments.whitelist.<agent>}); every other agent has the default. */
    public Set<String> agentsWithOwnWhitelist() {
        Set<String> agents = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(WHITELIST) && !name.equals(WHITELIST + "default")) {
                agents.add(name.substring(WHITELIST.length()));
            }
        }
        return agents;
    }

    /** Vendor ids every agent without a whitelist of its own may pay ({@code genesis.payments.whitelist.default}). */
    public Set<String> defaultWhitelist() {
        return Set.copyOf(defaultWhitelist.stream().map(String::trim).toList());
    }

    /** Vendor ids the agent may pay: {@code genesis.payments.whitelist.<agent>}, else the default list. */
    public Set<String> whitelist(String agent) {
        return Set.copyOf(config.getOptionalValues(WHITELIST + agent, String.class).orElse(defaultWhitelist)
                .stream().map(String::trim).toList());
    }

    /** The agent's daily budget when none was set through the API: the Genesis default for it, else the general one. */
    public long defaultDailyCents(String agent) {
        return config.getOptionalValue(PREFIX + "budgets." + agent + ".daily-cents", Long.class).orElse(defaultDailyCents);
    }

    /** The agent's daily budget configured for one tenant: {@code genesis.tenants.<tenant>.budgets.<agent>.daily-cents}. */
    public Optional<Long> tenantDailyCents(String tenant, String agent) {
        return config.getOptionalValue("genesis.tenants." + tenant + ".budgets." + agent + ".daily-cents", Long.class);
    }

    public long businessLimitCents() {
        return number("business-limit-cents");
    }

    public long perTransactionCapCents() {
        return number("per-transaction-cap-cents");
    }

    public Duration mandateTtl() {
        return Duration.ofDays(number("mandate-ttl-days"));
    }

    public String policyVersion() {
        return text("policy-version");
    }

    public PolicySettings policy() {
        return policy;
    }

    public MetaAgentPolicy metaAgent() {
        return metaAgent;
    }

    /** maxTimeoutSeconds the simulated vendors quote (long enough for a staged deploy). */
    public int simulatedMaxTimeoutSeconds() {
        return config.getValue(PREFIX + "sim.max-timeout-seconds", Integer.class);
    }

    /** Largest amount accepted in a request at all (absurd amounts are refused before any policy runs). */
    public long absurdAmountCents() {
        return number("max-request-cents");
    }
}
