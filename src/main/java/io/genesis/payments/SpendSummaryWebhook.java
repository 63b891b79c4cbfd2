package io.genesis.payments;

import io.genesis.api.JsonConventions;
import io.genesis.runtime.webhook.DeliveryStatus;
import io.genesis.retry.RetryPolicy;
import io.genesis.runtime.webhook.WebhookDeliveries;
import io.genesis.runtime.webhook.WebhookJob;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Posts spend summaries to {@code genesis.payments.spend-summary.webhook-url} as a Discord-compatible message
 * ({@code content} + one embed with Genesis's fields) through the runtime's durable webhook queue: the message is
 * enqueued in Redis and delivered by whichever worker claims it, signed like every Genesis webhook
 * (docs/webhooks.md) with {@code X-Genesis-Business-Id} instead of the task id, and retried on 5xx, 429 and no answer
 * per {@code genesis.payments.spend-summary.max-attempts / backoff-*}, across restarts.
 */
@ApplicationScoped
public class SpendSummaryWebhook {

    private static final Logger LOG = Logger.getLogger(SpendSummaryWebhook.class.getName());
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
    WebhookDeliveries deliveries;

    private RetryPolicy policy;

    @PostConstruct
    void configure() {
        policy = new RetryPolicy(maxAttempts, backoffBaseMs, backoffCapMs);
    }

    /**
     * Enqueues the delivery of {@code summary} to {@code target}, else to the configured URL; its delivery id, or
     * empty when there is no URL at all. {@code recordOwner} gets the id before the job exists, so whoever owns the
     * summary can always read its status.
     */
    public Optional<String> send(SpendSummary summary, Optional<URI> target, Consumer<String> recordOwner) {
        Optional<URI> to = target.or(() -> url.map(String::trim).filter(value -> !value.isEmpty()).map(URI::create));
        if (to.isEmpty()) {
            return Optional.empty();
        }
        String deliveryId = UUID.randomUUID().toString();
        recordOwner.accept(deliveryId);
        deliveries.enqueue(WebhookJob.business(deliveryId, summary.businessId(), to.get().toString(),
                discordMessage(summary).toString(), policy), System.currentTimeMillis());
        LOG.info("Spend summary of business " + summary.businessId() + " queued for delivery (" + deliveryId + ")");
        return Optional.of(deliveryId);
    }

    /** How the delivery {@code deliveryId} of a summary of {@code businessId} went, while its record is kept. */
    public Optional<DeliveryStatus> status(String businessId, String deliveryId) {
        return deliveries.find(deliveryId).filter(status -> businessId.equals(status.businessId()));
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
        if (!s.skippedPurchases().isEmpty()) {
            fields.add(field("⏭ Skipped purchases", String.join("\n", s.skippedPurchases().stream()
                    .map(skipped -> skipped.vendorId() + " (" + skipped.agentId() + ", " + Money.dollars(skipped.amountCents()) + "): "
                            + skipped.reason()).toList()), false));
        }
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
