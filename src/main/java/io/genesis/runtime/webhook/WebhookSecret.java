package io.genesis.runtime.webhook;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The one HMAC secret every Genesis webhook is signed with ({@code genesis.webhooks.secret}, env
 * {@code GENESIS_WEBHOOKS_SECRET}); when unset, a random one per start, with a warning.
 */
@ApplicationScoped
public class WebhookSecret {

    private static final Logger LOG = Logger.getLogger(WebhookSecret.class.getName());

    @Inject
    @ConfigProperty(name = "genesis.webhooks.secret")
    Optional<String> configuredSecret;

    private WebhookSigner signer;

    @PostConstruct
    void resolve() {
        Optional<String> secret = configuredSecret.map(String::trim).filter(value -> !value.isEmpty());
        if (secret.isPresent()) {
            signer = new WebhookSigner(secret.get());
            return;
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        LOG.warning("genesis.webhooks.secret (env GENESIS_WEBHOOKS_SECRET) is not set: webhooks are signed with a random"
                + " secret generated at start-up, so receivers cannot verify them, and signatures differ between"
                + " workers and restarts. Set the same secret on every worker.");
        signer = new WebhookSigner(HexFormat.of().formatHex(random));
    }

    public WebhookSigner signer() {
        return signer;
    }
}
