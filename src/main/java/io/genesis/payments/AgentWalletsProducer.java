package io.genesis.payments;

import io.genesis.payments.sim.SimulatedWallets;
import io.genesis.runtime.AgentPolicy;
import io.genesis.runtime.AgentRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.logging.Logger;

/**
 * Picks the {@link AgentWallets} by {@code genesis.payments.mode}: {@link SimulatedWallets} derived from
 * {@code genesis.payments.sim.wallet-seed}, or {@link ConfiguredWallets} in live mode. Builds them at start-up, so a
 * malformed key stops the application with the key's name instead of failing a purchase later.
 */
@ApplicationScoped
public class AgentWalletsProducer {

    private static final Logger LOG = Logger.getLogger(AgentWalletsProducer.class.getName());

    @Inject
    PaymentSettings settings;

    @Inject
    AgentRegistry agents;

    @Produces
    @ApplicationScoped
    AgentWallets wallets() {
        var config = ConfigProvider.getConfig(getClass().getClassLoader());
        if (settings.simulated()) {
            return new SimulatedWallets(config.getValue("genesis.payments.sim.wallet-seed", String.class));
        }
        return ConfiguredWallets.from(name -> config.getOptionalValue(name, String.class),
                agents.all().stream().map(AgentPolicy::agent).toList());
    }

    void atStart(@Observes @Initialized(ApplicationScoped.class) Object event, AgentWallets wallets) {
        LOG.info("Payments: " + wallets.describe());
        settings.misconfiguration().ifPresent(reason -> LOG.warning(reason + ". Every purchase is refused with 503 until then."));
    }
}
