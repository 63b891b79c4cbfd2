package io.genesis.agents;

import io.genesis.api.JsonConventions;
import io.genesis.agents.PriceModel.Tier;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Making money: pricing tiers, budget and costs, metrics and dashboards, products and checkout. */
final class RevenueWork {

    /** A monthly running cost, charged when the stack uses {@code fragment} (always when it is empty). */
    private record Cost(String fragment, String item, int monthlyUsd, String basis) {
    }

    private static final List<Cost> COSTS = List.of(
            new Cost("vercel", "Vercel hosting", 20, "Pro plan, one seat"),
            new Cost("next.js", "Vercel hosting", 20, "Pro plan, one seat"),
            new Cost("fastapi", "API hosting", 25, "one always-on web service"),
            new Cost("node.js", "API hosting", 25, "one always-on web service"),
            new Cost("postgres", "Managed PostgreSQL", 25, "smallest production instance with backups"),
            new Cost("redis", "Managed Redis", 10, "256 MB instance"),
            new Cost("openai", "LLM API usage", 60, "about 20 million tokens"),
            new Cost("algolia", "Search", 50, "10,000 searches and records"),
            new Cost("resend", "Email delivery", 20, "50,000 emails"),
            new Cost("plausible", "Web analytics", 9, "10,000 monthly page views"),
            new Cost("", "Domain and DNS", 2, "one domain, billed yearly"),
            new Cost("", "Error tracking and uptime checks", 26, "team plan"));
    static final int LAUNCH_MARKETING_USD = 500;
    static final String PAYMENT_FEES = "2.9% + $0.30 per card charge";

    private RevenueWork() {
    }

    static Artefact pricing(TaskBrief brief) {
        PriceModel prices = PriceModel.parse(brief.monetization());
        List<Tier> tiers = prices.tiers();
        List<String> features = brief.features();
        JsonArrayBuilder array = JsonConventions.json().createArrayBuilder();
        for (int i = 0; i < tiers.size(); i++) {
            // each plan includes a growing share of the features; the top plan has them all
            int included = (int) Math.ceil(features.size() * (i + 1) / (double) tiers.size());
            array.add(JsonConventions.json().createObjectBuilder()
                    .add("name", tiers.get(i).name())
                    .add("price", tiers.get(i).price())
                    .add("unit", prices.unit())
                    .add("currency", prices.kind() == PriceModel.Kind.COMMISSION ? "%" : "USD")
                    .add("features", JsonConventions.json().createArrayBuilder(features.subList(0, included))));
        }
        return new Artefact("Priced " + brief.businessName() + " in " + tiers.size() + " tiers, "
                + prices.format(tiers.get(0).price()) + " to " + prices.format(tiers.get(tiers.size() - 1).price()) + " per "
                + prices.unit(), JsonConventions.json().createObjectBuilder()
                .add("tiers", array)
                .add("model", prices.kind().name().toLowerCase(Locale.ROOT))
                .add("source", brief.monetization())
                .build());
    }

    static Artefact finance(TaskBrief brief) {
        JsonArrayBuilder costs = JsonConventions.json().createArrayBuilder();
        List<String> charged = new ArrayList<>();
        int monthly = 0;
        for (Cost cost : COSTS) {
            if ((cost.fragment().isEmpty() || brief.uses(cost.fragment())) && !charged.contains(cost.item())) {
                charged.add(cost.item());
                monthly += cost.monthlyUsd();
                costs.add(JsonConventions.json().createObjectBuilder()
                        .add("item", cost.item()).add("monthly_usd", cost.monthlyUsd()).add("basis", cost.basis()));
            }
        }
        if (brief.uses("stripe")) {
            costs.add(JsonConventions.json().createObjectBuilder().add("item", "Payment processing").add("monthly_usd", 0).add("basis", PAYMENT_FEES));
        }
        int marketing = brief.dependencies().values().stream()
                .filter(result -> result.get("total_budget_usd") instanceof JsonNumber)
                .mapToInt(result -> result.getInt("total_budget_usd"))
                .findFirst().orElse(LAUNCH_MARKETING_USD);
        PriceModel prices = PriceModel.parse(brief.monetization());
        BigDecimal perCustomer = prices.monthlyRevenuePerCustomer();
        int breakEven = BigDecimal.valueOf(monthly).divide(perCustomer, 0, RoundingMode.CEILING).intValue();
        return new Artefact("Budgeted $" + monthly + " a month to run " + brief.businessName() + " plus $" + marketing
                + " for the launch; break-even at " + breakEven + " paying customers", JsonConventions.json().createObjectBuilder()
                .add("budget", JsonConventions.json().createObjectBuilder()
                        .add("monthly_running_usd", monthly)
                        .add("launch_marketing_usd", marketing)
                        .add("first_quarter_usd", 3 * monthly + marketing)
                        .add("revenue_per_customer_usd", perCustomer)
                        .add("break_even_customers", breakEven))
                .add("costs", costs)
                .build());
    }

    static Artefact analytics(TaskBrief brief) {
        JsonArrayBuilder metrics = JsonConventions.json().createArrayBuilder();
        brief.successMetrics().forEach((name, target) -> metrics.add(JsonConventions.json().createObjectBuilder()
                .add("name", name).add("target", target).add("kind", "success")));
        List<String> events = new ArrayList<>(List.of("visited", "signed_up"));
        brief.resources().keySet().forEach(resource -> events.add(Identifiers.snake(resource) + "_used"));
        events.add("became_paying");
        metrics.add(JsonConventions.json().createObjectBuilder().add("name", "signup_conversion").add("target", "visited -> signed_up")
                        .add("kind", "funnel"))
                .add(JsonConventions.json().createObjectBuilder().add("name", "activation").add("target", "signed_up -> " + events.get(2))
                        .add("kind", "funnel"))
                .add(JsonConventions.json().createObjectBuilder().add("name", "paid_conversion").add("target", "signed_up -> became_paying")
                        .add("kind", "funnel"));
        List<String> tiers = PriceModel.parse(brief.monetization()).tiers().stream().map(Tier::name).toList();
        List<String> usage = new ArrayList<>();
        brief.resources().values().forEach(feature -> usage.add("Weekly use of " + Phrases.lowerFirst(feature)));
        JsonArrayBuilder dashboards = JsonConventions.json().createArrayBuilder()
                .add(dashboard("Acquisition", List.of("Visitors by source", "Sign-up conversion by source", "Top landing pages")))
                .add(dashboard("Activation", usage))
                .add(dashboard("Revenue", List.of("Monthly recurring revenue", "Paying customers by plan (" + String.join(", ", tiers) + ")",
                        "Churn and expansion")));
        return new Artefact("Defined " + (brief.successMetrics().size() + 3) + " metrics, " + events.size()
                + " events and 3 dashboards for " + brief.businessName(), JsonConventions.json().createObjectBuilder()
                .add("metrics", metrics)
                .add("events", JsonConventions.json().createArrayBuilder(events))
                .add("dashboards", dashboards)
                .build());
    }

    static Artefact commerce(TaskBrief brief) {
        PriceModel prices = PriceModel.parse(brief.monetization());
        String code = Identifiers.slug(brief.businessName()).replace("-", "").toUpperCase(Locale.ROOT);
        String prefix = code.substring(0, Math.min(4, code.length()));
        JsonArrayBuilder products = JsonConventions.json().createArrayBuilder();
        int count = 0;
        for (Tier tier : prices.tiers()) {
            if (tier.price().signum() > 0) {
                count++;
                products.add(JsonConventions.json().createObjectBuilder()
                        .add("sku", prefix + "-" + Identifiers.slug(tier.name()).toUpperCase(Locale.ROOT))
                        .add("name", brief.businessName() + " " + tier.name())
                        .add("price", tier.price())
                        .add("unit", prices.unit()));
            }
        }
        boolean recurring = prices.kind() == PriceModel.Kind.SUBSCRIPTION || prices.kind() == PriceModel.Kind.PER_SEAT
                || prices.kind() == PriceModel.Kind.SPONSORED;
        JsonObjectBuilder checkout = JsonConventions.json().createObjectBuilder()
                .add("provider", brief.techStack().stream().filter(tech -> tech.toLowerCase(Locale.ROOT).contains("stripe"))
                        .findFirst().orElse("Stripe"))
                .add("mode", recurring ? "subscription" : "payment")
                .add("currency", "usd")
                .add("steps", JsonConventions.json().createArrayBuilder(List.of("cart", "customer details", "payment", "confirmation")))
                .add("payment_methods", JsonConventions.json().createArrayBuilder(List.of("card", "apple_pay", "google_pay")))
                .add("tax", "calculated automatically from the customer's address")
                .add("success_route", "/checkout/success")
                .add("cancel_route", "/pricing");
        if (prices.kind() == PriceModel.Kind.ONE_OFF) {
            checkout.add("fulfillment", JsonConventions.json().createObjectBuilder()
                    .add("shipping", "flat rate, free above $75")
                    .add("returns_days", 30));
        }
        return new Artefact("Listed " + count + " products and set up " + (recurring ? "subscription" : "one-time")
                + " checkout for " + brief.businessName(), JsonConventions.json().createObjectBuilder()
                .add("products", products)
                .add("checkout", checkout)
                .build());
    }

    private static JsonObjectBuilder dashboard(String name, List<String> widgets) {
        return JsonConventions.json().createObjectBuilder().add("name", name).add("widgets", JsonConventions.json().createArrayBuilder(widgets));
    }
}
