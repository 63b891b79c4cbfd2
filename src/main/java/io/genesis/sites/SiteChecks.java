package io.genesis.sites;

import io.genesis.api.JsonConventions;
import io.genesis.outbound.OutboundUrlRefused;
import io.genesis.outbound.OutboundUrls;
import io.genesis.outbound.PinnedPost;
import io.genesis.runtime.AgentHandler;
import io.genesis.runtime.AgentResult;
import io.genesis.runtime.TaskContext;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The monitoring agent's HTTP checks call their targets, whichever handler wrote them: after the work, each check of
 * type {@code http} gets {@code last_result: {status, ok, checked_at}} (ok when the status is one the check's
 * {@code expect} names) or {@code {ok: false, error}}. Calls follow the outbound rules of {@link OutboundUrls} (no
 * redirects, only checked addresses, link-local and metadata never, loopback and private only for allowed hosts),
 * with one exception: a site Genesis serves itself (a URL under {@code genesis.sites.public-base-url + /sites/}) may
 * be on a loopback or private address. All checks of a task share {@code genesis.sites.monitoring.timeout-ms}.
 */
@Decorator
@Priority(SiteChecks.PRIORITY)
public abstract class SiteChecks implements AgentHandler {

    /** Inside the site publication decorator. */
    public static final int PRIORITY = SitePublication.PRIORITY + 100;
    static final String MONITORING_AGENT = "monitoring_agent";

    @Inject
    @Delegate
    @Any
    AgentHandler delegate;

    @Inject
    SiteAddresses addresses;

    @Inject
    @ConfigProperty(name = "genesis.http.outbound.allowed-hosts")
    Optional<String> allowedHosts;

    @Inject
    @ConfigProperty(name = "genesis.sites.monitoring.timeout-ms")
    long timeoutMillis;

    @Override
    public AgentResult handle(TaskContext task) throws Exception {
        AgentResult result = delegate.handle(task);
        if (!MONITORING_AGENT.equals(task.policy().agent()) || !(result.output() instanceof JsonObject output)
                || !(output.get("checks") instanceof jakarta.json.JsonArray checks)) {
            return result;
        }
        long deadline = System.nanoTime() + Duration.ofMillis(timeoutMillis).toNanos();
        JsonArrayBuilder probed = JsonConventions.json().createArrayBuilder();
        for (JsonValue value : checks) {
            if (value instanceof JsonObject check && "http".equals(check.getString("type", "")) && check.get("target")
                    instanceof jakarta.json.JsonString target) {
                probed.add(JsonConventions.json().createObjectBuilder(check).add("last_result",
                        probe(target.getString(), check.getString("expect", "200"), deadline)));
            } else {
                probed.add(value);
            }
        }
        return result.withOutput(JsonConventions.json().createObjectBuilder(output).add("checks", probed).build());
    }

    private JsonObject probe(String target, String expect, long deadline) throws InterruptedException {
        var json = JsonConventions.json().createObjectBuilder().add("checked_at", Instant.now().toString());
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            return json.add("ok", false).add("error", "not run: the checks' time (" + timeoutMillis + " ms) ran out").build();
        }
        try {
            URI uri = rules(target).checkGiven(target, "target");
            PinnedPost.Answer answer = new PinnedPost(rules(target), Duration.ofMillis(left)).get(uri, Map.of("User-Agent",
                    "genesis-monitoring"));
            return json.add("status", answer.status()).add("ok", expected(expect, answer.status())).build();
        } catch (OutboundUrlRefused e) {
            return json.add("ok", false).add("error", "refused: the URL " + e.getMessage()).build();
        } catch (IllegalArgumentException e) {
            return json.add("ok", false).add("error", "refused: not a URL").build();
        } catch (IOException | NoSuchAlgorithmException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("monitoring checks interrupted");
            }
            return json.add("ok", false).add("error", "no answer: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage())).build();
        }
    }

    /** The outbound rules, with this server's own host allowed for a URL of one of its sites. */
    private OutboundUrls rules(String target) {
        String own;
        try {
            own = addresses.base() + SiteAddresses.PATH;
        } catch (IllegalStateException misconfigured) {
            return new OutboundUrls(allowedHosts);
        }
        boolean ours = URI.create(target).normalize().toString().startsWith(own) && !target.contains("..");
        String hosts = allowedHosts.orElse("") + (ours ? "," + OutboundUrls.host(URI.create(own)) : "");
        return new OutboundUrls(Optional.of(hosts));
    }

    /** Whether the status is one of the three-digit codes {@code expect} names ("200", "200 or 401"). */
    static boolean expected(String expect, int status) {
        return Arrays.stream(expect.split("[^0-9]+")).filter(code -> code.length() == 3).collect(Collectors.toSet())
                .contains(Integer.toString(status));
    }
}
