package io.genesis.sites;

import io.genesis.runtime.TokenBuckets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.logging.Logger;

/**
 * The waitlist of a live site: a visitor's address, validated ({@link EmailAddress}), rate-limited per client and
 * site (a Redis token bucket shared by every worker: {@code genesis.sites.waitlist.per-minute} on average, bursts of
 * {@code genesis.sites.waitlist.burst}), stored once per site and address (joining twice is not an error and not
 * told apart, so the form reveals nothing about who signed up).
 */
@ApplicationScoped
public class Waitlist {

    private static final Logger LOG = Logger.getLogger(Waitlist.class.getName());
    private static final double SECONDS_PER_MINUTE = 60.0;

    @Inject
    SiteStorage storage;

    @Inject
    TokenBuckets buckets;

    @Inject
    @ConfigProperty(name = "genesis.sites.waitlist.per-minute")
    double perMinute;

    @Inject
    @ConfigProperty(name = "genesis.sites.waitlist.burst")
    int burst;

    /**
     * Signs {@code email} up on the site {@code slug} for the client {@code client} (its address).
     *
     * @return false when the site is not live (nothing stored)
     * @throws InvalidSignUp   for an address that is no valid one
     * @throws SignUpThrottled when the client signed up too often on this site
     */
    public boolean signUp(String slug, String email, String client) {
        EmailAddress address = EmailAddress.parse(email).orElseThrow(() -> new InvalidSignUp("email",
                "Enter a valid email address (name@example.com, at most " + EmailAddress.MAX_LENGTH + " characters)."));
        long waitMillis = buckets.take("waitlist:" + slug + ":" + client, perMinute / SECONDS_PER_MINUTE, burst);
        if (waitMillis > 0) {
            throw new SignUpThrottled(Math.max(1, (waitMillis + 999) / 1000));
        }
        SiteStorage.SignUp outcome = storage.signUp(slug, address.value());
        if (outcome == SiteStorage.SignUp.ADDED) {
            LOG.info("Waitlist sign-up on site " + slug);
        }
        return outcome != SiteStorage.SignUp.NO_SITE;
    }
}
