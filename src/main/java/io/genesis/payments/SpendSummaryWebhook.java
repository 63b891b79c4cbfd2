package io.genesis.payments;

import io.genesis.api.JsonConventions;
import io.genesis.runtime.webhook.RetryPolicy;
import io.genesis.runtime.webhook.WebhookSecret;
import io.genesis.runtime.webhook.WebhookSigner;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Posts spend summaries to {@code genesis.payments.spend-summary.webhook-url} as a Discord-compatible message
 * ({@code content} + one embed with Genesis's fields), signed like every Genesis webhook (docs/webhooks.md) with
 * {@code X-Genesis-Business-Id} instead of the task id, and retried on 5xx, 429 and no answer per {@link RetryPolicy}.
 */
@ApplicationScoped
public class SpendSummaryWebhook {

    private static final Logger LOG = Logger.getLogger(SpendSummaryWebhook.class.getName());
    public static final String BUSINESS_ID = "X-Genesis-Business-Id";
    private static final int DISCORD_GREEN = 3066993;

    @Inject
    @ConfigProperty(name = "genesis.payments.spend-summary.webhook-url")
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "genesis.payments.spend-summary.max-attempts")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "genesis.payments.spend-summary.backoff-base-ms")
    long backoffBaseMs;

    @Inject
    @ConfigProperty(name = "genesis.payments.spend-summary.backoff-cap-ms")
    long backoffCapMs;

    @Inject
    @ConfigProperty(name = "genesis.webhooks.timeout-ms")
    long timeoutMs;

    @Inject
    WebhookSecret secret;

    @Resource(lookup = "concurrent/genesis/scheduler")
    ManagedScheduledExecutorService scheduler;

    /** HTTP/1.1: no h2c upgrade dance, which stalls concurrent calls to a Liberty that talks to itself. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private RetryPolicy policy;

    @PostConstruct
    void configure() {
        policy = new RetryPolicy(maxAttempts, backoffBaseMs, backoffCapMs);
    }

    /**
     * Starts the delivery of {@code summary} to {@code target}, else to the configured URL; its delivery id, or empty
     * when there is no URL at all.
     */
    public Optional<String> send(SpendSummary summary, Optional<URI> target) {
        Optional<URI> to = target.or(() -> url.map(String::trim).filter(value -> !value.isEmpty()).map(URI::create));
        if (to.isEmpty()) {
            return Optional.empty();
        }
        String deliveryId = UUID.randomUUID().toString();
        String body = discordMessage(summary).toString();
        scheduler.execute(() -> attempt(to.get(), deliveryId, summary.businessId(), body, 1));
        return Optional.of(deliveryId);
    }

    private void attempt(URI target, String deliveryId, String businessId, String body, int attempt) {
        long now = Instant.now().getEpochSecond();
        WebhookSigner signer = secret.signer();
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofMillis(timeoutMs))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("User-Agent", WebhookSigner.USER_AGENT)
                .header(WebhookSigner.DELIVERY, deliveryId)
                .header(BUSINESS_ID, businessId)
                .header(WebhookSigner.ATTEMPT, String.valueOf(attempt))
                .header(WebhookSigner.TIMESTAMP, String.valueOf(now))
                .header(WebhookSigner.SIGNATURE, signer.signature(now, body));
        RetryPolicy.Verdict verdict;
        OptionalLong retryAfter = OptionalLong.empty();
        String outcome;
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            verdict = RetryPolicy.classify(response.statusCode());
            retryAfter = RetryPolicy.retryAfterMillis(response.headers().firstValue("Retry-After").orElse(null), Instant.now());
            outcome = "HTTP " + response.statusCode();
        } catch (java.io.IOException e) {
            verdict = RetryPolicy.Verdict.RETRY;
            outcome = e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (verdict == RetryPolicy.Verdict.DELIVERED) {
            LOG.info("Spend summary of business " + businessId + " delivered (" + deliveryId + ", attempt " + attempt + ")");
        } else if (verdict == RetryPolicy.Verdict.RETRY && policy.mayRetryAfter(attempt)) {
            long delay = policy.delayMillis(attempt, retryAfter, ThreadLocalRandom.current().nextDouble());
            scheduler.schedule(() -> attempt(target, deliveryId, businessId, body, attempt + 1), delay, TimeUnit.MILLISECONDS);
        } else {
            LOG.warning("Spend summary of business " + businessId + " not delivered (" + deliveryId + "): " + outcome
                    + " after " + attempt + " attempt(s)");
        }
    }

    /** The summary as a Discord webhook message: a line of text and an embed whose fields carry every number. */
    static JsonObject discordMessage(SpendSummary s) {
        JsonArrayBuilder fields = JsonConventions.json().createArrayBuilder()
                .add(field("💰 Total Spent", "$" + s.totalSpent(), true))
                .add(field("📈 Projected Revenue", s.projectedRevenue() == null ? "n/a" : "$" + s.projectedRevenue(), true))
                .add(field("💹 ROI", s.roi() == null ? "n/a" : s.roi() + "x", true))
                .add(field("🔄 Spend/Revenue", s.spendToRevenueRatio() == null ? "n/a" : s.spendToRevenueRatio().toString(), true))
                .add(field("✅ Approved", String.valueOf(s.approvedIntents()), true))
                .add(field("🚫 Denied", String.valueOf(s.deniedIntents()), true))
                .add(field("Vendors", lines(s.vendorBreakdown()), false))
                .add(field("Agents", lines(s.agentBreakdown()), false));
        if (s.dashboardUrl() != null) {
            fields.add(field("🔗 Dashboard", s.dashboardUrl(), false));
        }
        return JsonConventions.json().createObjectBuilder()
                .add("username", "Genesis")
                .add("content", "💰 Spend summary for business " + s.businessId() + ": $" + s.totalSpent())
                .add("embeds", JsonConventions.json().createArrayBuilder().add(JsonConventions.json().createObjectBuilder()
                        .add("title", "Business " + s.businessId() + " spend summary")
                        .add("color", DISCORD_GREEN)
                        .add("timestamp", s.timestamp().toString())
                        .add("fields", fields)
                        .add("footer", JsonConventions.json().createObjectBuilder().add("text", "business_id " + s.businessId()))))
                .build();
    }

    private static JsonObject field(String name, String value, boolean inline) {
        String shown = value.length() > 1024 ? value.substring(0, 1023) + "…" : value;
        return JsonConventions.json().createObjectBuilder().add("name", name).add("value", shown).add("inline", inline).build();
    }

    private static String lines(Map<String, BigDecimal> breakdown) {
        if (breakdown.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        breakdown.forEach((key, dollars) -> text.append(text.length() == 0 ? "" : "\n").append(key).append(": $").append(dollars));
        return text.toString();
    }
}
