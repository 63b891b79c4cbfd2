package io.genesis.agents;

import io.genesis.api.JsonConventions;
import io.genesis.catalog.Difficulty;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Getting and keeping customers: SEO, articles, marketing campaigns, sales pipeline, email sequences and support. */
final class GrowthWork {

    static final int MAX_TITLE_CHARS = 60;
    static final int MAX_DESCRIPTION_CHARS = 155;
    static final int ARTICLES = 4;
    static final int MIN_WORDS = 900;
    static final int WORD_SPREAD = 900;
    static final int MIN_SEARCHES = 100;
    static final int SEARCH_SPREAD = 4_900;
    static final int MIN_BUDGET_USD = 500;
    static final int BUDGET_STEPS = 10;
    static final int BUDGET_STEP_USD = 100;
    /** Share of the launch budget for the first, second and third channel. */
    static final List<Integer> BUDGET_SHARES_PERCENT = List.of(50, 30, 20);
    static final int LEADS = 5;
    static final int MIN_PROSPECTS = 40;
    static final int PROSPECT_SPREAD = 60;
    /** Pipeline stages and the share of the previous stage that reaches each. */
    static final List<String> STAGES = List.of("prospect", "qualified", "demo", "proposal", "won");
    static final List<Double> STAGE_CONVERSION = List.of(1.0, 0.4, 0.5, 0.6, 0.4);
    static final int FAQ_FEATURES = 4;

    /** Channels that suit a business type, best first; the rationale of each is in {@link #CHANNEL_RATIONALE}. */
    private static final Map<String, List<String>> CHANNELS = Map.of(
            "saas_tool", List.of("Product Hunt", "SEO", "LinkedIn", "Email"),
            "content_website", List.of("SEO", "Pinterest", "Newsletter", "Reddit"),
            "ecommerce_store", List.of("Instagram", "Google Shopping", "Email", "Influencers"),
            "landing_page_waitlist", List.of("Product Hunt", "X (Twitter)", "Reddit", "Email"),
            "saas_dashboard", List.of("LinkedIn", "SEO", "Webinars", "Email"),
            "marketplace", List.of("SEO", "Instagram", "Community partnerships", "Email"),
            "ai_chatbot_service", List.of("LinkedIn", "SEO", "Product Hunt", "Webinars"),
            "api_service", List.of("Developer communities", "SEO", "Product Hunt", "Newsletter"),
            "newsletter_automation", List.of("X (Twitter)", "Newsletter", "Reddit", "SEO"),
            "no_code_tool", List.of("Product Hunt", "YouTube", "SEO", "Community partnerships"));
    private static final Map<String, String> CHANNEL_RATIONALE = Map.ofEntries(
            Map.entry("Product Hunt", "Launch-day reach among early adopters"),
            Map.entry("SEO", "Compounding traffic from people searching for the problem"),
            Map.entry("LinkedIn", "Decision makers at small companies"),
            Map.entry("Email", "Converts sign-ups and brings users back"),
            Map.entry("Pinterest", "Evergreen discovery for how-to content"),
            Map.entry("Newsletter", "An owned audience that reads every issue"),
            Map.entry("Reddit", "Niche communities that already discuss the topic"),
            Map.entry("Instagram", "Visual product discovery"),
            Map.entry("Google Shopping", "Buyers who are ready to purchase"),
            Map.entry("Influencers", "Trusted recommendations in the niche"),
            Map.entry("X (Twitter)", "Fast feedback from builders and early adopters"),
            Map.entry("Webinars", "Demonstrations for teams evaluating a purchase"),
            Map.entry("Community partnerships", "Supply and demand from existing communities"),
            Map.entry("Developer communities", "Developers looking for a ready-made capability"),
            Map.entry("YouTube", "Tutorials that show the builder in action"));
    private static final List<String> ARTICLE_TITLES = List.of("How %2$s get more done with %1$s", "%1$s: a practical guide",
            "5 mistakes to avoid with %1$s", "Why %1$s matters for %2$s");

    /** An email sequence: its name, what starts it, and its emails in order. */
    private record Sequence(String name, String trigger, List<JsonObjectBuilder> emails) {

        JsonObjectBuilder toJson() {
            JsonArrayBuilder array = JsonConventions.json().createArrayBuilder();
            emails.forEach(array::add);
            return JsonConventions.json().createObjectBuilder().add("name", name).add("trigger", trigger).add("emails", array);
        }
    }

    private GrowthWork() {
    }

    static Artefact seo(TaskBrief brief) {
        JsonArrayBuilder keywords = JsonConventions.json().createArrayBuilder()
                .add(keyword(brief, brief.businessName().toLowerCase(Locale.ROOT), "navigational"));
        brief.resources().keySet().forEach(resource -> keywords.add(keyword(brief, resource.replace('-', ' ') + " software", "commercial")));
        keywords.add(keyword(brief, "best " + brief.archetype().name().toLowerCase(Locale.ROOT) + " for "
                + Phrases.lowerFirst(brief.targetMarket()), "commercial"));
        String url = brief.fromDependencies("deployment_url").orElseGet(() -> BuildWork.deploymentUrl(brief));
        String title = Phrases.shorten(brief.businessName() + " | " + brief.archetype().name(), MAX_TITLE_CHARS);
        String description = Phrases.shorten(brief.description(), MAX_DESCRIPTION_CHARS);
        JsonArrayBuilder sitemap = JsonConventions.json().createArrayBuilder().add(url + "/");
        brief.resources().keySet().forEach(resource -> sitemap.add(url + "/" + resource));
        return new Artefact("Chose " + (brief.resources().size() + 2) + " keywords and the meta tags of " + brief.businessName(),
                JsonConventions.json().createObjectBuilder()
                        .add("keywords", keywords)
                        .add("meta_tags", JsonConventions.json().createObjectBuilder()
                                .add("title", title)
                                .add("description", description)
                                .add("og:title", title)
                                .add("og:description", description)
                                .add("twitter:card", "summary_large_image")
                                .add("robots", "index, follow")
                                .add("canonical", url + "/"))
                        .add("sitemap", sitemap)
                        .build());
    }

    static Artefact content(TaskBrief brief) {
        List<String> features = brief.features();
        String audience = Phrases.lowerFirst(brief.targetMarket());
        JsonArrayBuilder articles = JsonConventions.json().createArrayBuilder();
        int count = Math.min(ARTICLES, features.size());
        for (int i = 0; i < count; i++) {
            String feature = features.get(i);
            String title = Phrases.capitalize(String.format(Locale.ROOT, ARTICLE_TITLES.get(i % ARTICLE_TITLES.size()),
                    Phrases.lowerFirst(feature), audience));
            articles.add(JsonConventions.json().createObjectBuilder()
                    .add("title", title)
                    .add("slug", Identifiers.slug(title))
                    .add("target_keyword", Identifiers.resource(feature, 2).replace('-', ' '))
                    .add("outline", JsonConventions.json().createArrayBuilder()
                            .add("The problem " + audience + " face")
                            .add("How " + Phrases.lowerFirst(feature) + " works in " + brief.businessName())
                            .add("Setting it up, step by step")
                            .add("Results to expect in the first month")
                            .add("Try " + brief.businessName()))
                    .add("word_count", MIN_WORDS + brief.pick(WORD_SPREAD, "words-" + feature))
                    .add("publish_week", i + 1));
        }
        return new Artefact("Planned " + count + " articles for " + brief.businessName() + ", one a week", JsonConventions.json().createObjectBuilder()
                .add("articles", articles)
                .build());
    }

    static Artefact marketing(TaskBrief brief) {
        List<String> channels = CHANNELS.getOrDefault(brief.businessType(), CHANNELS.get(TaskBrief.DEFAULT_BUSINESS_TYPE));
        int budget = MIN_BUDGET_USD + brief.pick(BUDGET_STEPS, "marketing-budget") * BUDGET_STEP_USD;
        JsonArrayBuilder channelArray = JsonConventions.json().createArrayBuilder();
        channels.forEach(channel -> channelArray.add(JsonConventions.json().createObjectBuilder()
                .add("name", channel).add("rationale", CHANNEL_RATIONALE.get(channel))));
        JsonArrayBuilder campaigns = JsonConventions.json().createArrayBuilder();
        for (int i = 0; i < BUDGET_SHARES_PERCENT.size(); i++) {
            campaigns.add(JsonConventions.json().createObjectBuilder()
                    .add("name", brief.businessName() + " launch on " + channels.get(i))
                    .add("channel", channels.get(i))
                    .add("budget_usd", budget * BUDGET_SHARES_PERCENT.get(i) / 100)
                    .add("duration_days", i == 0 ? 14 : 30)
                    .add("message", "Lead with " + Phrases.lowerFirst(brief.features().get(i % brief.features().size()))
                            + " for " + Phrases.lowerFirst(brief.targetMarket()))
                    .add("kpi", i == 0 ? "sign-ups" : "qualified visitors"));
        }
        return new Artefact("Planned " + BUDGET_SHARES_PERCENT.size() + " launch campaigns on " + channels.size()
                + " channels with a $" + budget + " budget", JsonConventions.json().createObjectBuilder()
                .add("channels", channelArray)
                .add("campaigns", campaigns)
                .add("total_budget_usd", budget)
                .build());
    }

    static Artefact sales(TaskBrief brief) {
        List<String> companies = BrandNames.generate(LEADS, Set.of(brief.businessName()), brief.fingerprint(), "leads");
        JsonArrayBuilder leads = JsonConventions.json().createArrayBuilder();
        for (String company : companies) {
            int score = 40 + brief.pick(60, "lead-" + company);
            String stage = STAGES.get(Math.min(STAGES.size() - 2, (score - 40) / 15));
            leads.add(JsonConventions.json().createObjectBuilder()
                    .add("company", company)
                    .add("segment", brief.targetMarket())
                    .add("score", score)
                    .add("stage", stage)
                    .add("next_step", switch (stage) {
                        case "prospect" -> "Send an introduction about " + Phrases.lowerFirst(brief.features().get(0));
                        case "qualified" -> "Book a demo";
                        case "demo" -> "Run the demo and agree on a trial";
                        default -> "Send the proposal";
                    }));
        }
        JsonArrayBuilder pipeline = JsonConventions.json().createArrayBuilder();
        double reached = MIN_PROSPECTS + brief.pick(PROSPECT_SPREAD, "prospects");
        for (int i = 0; i < STAGES.size(); i++) {
            reached *= STAGE_CONVERSION.get(i);
            pipeline.add(JsonConventions.json().createObjectBuilder()
                    .add("stage", STAGES.get(i))
                    .add("count", (int) Math.round(reached))
                    .add("conversion_from_previous", STAGE_CONVERSION.get(i)));
        }
        return new Artefact("Qualified " + LEADS + " leads and projected a " + STAGES.size() + "-stage pipeline for "
                + brief.businessName(), JsonConventions.json().createObjectBuilder()
                .add("leads", leads)
                .add("pipeline", pipeline)
                .build());
    }

    static Artefact email(TaskBrief brief) {
        List<String> features = brief.features();
        PriceModel prices = PriceModel.parse(brief.monetization());
        String paid = prices.tiers().stream().filter(tier -> tier.price().signum() > 0).findFirst().orElseThrow().name();
        String name = brief.businessName();
        List<Sequence> sequences = List.of(
                new Sequence("Onboarding", "signed up", List.of(
                        mail(0, "Welcome to " + name, "activate"),
                        mail(1, "Get started with " + Phrases.lowerFirst(feature(features, 0)), "activate"),
                        mail(3, "Have you tried " + Phrases.lowerFirst(feature(features, 1)) + "?", "engage"),
                        mail(7, "How teams like yours use " + name, "engage"))),
                new Sequence("Conversion", prices.freeTier() ? "reached a free plan limit" : "trial ends in 3 days", List.of(
                        mail(0, "Unlock " + Phrases.lowerFirst(feature(features, 2)) + " with " + paid, "convert"),
                        mail(2, "What " + paid + " customers get", "convert"),
                        mail(5, "Last chance: keep your work going with " + paid, "convert"))),
                new Sequence("Win-back", "inactive for 14 days", List.of(
                        mail(0, "We improved " + Phrases.lowerFirst(feature(features, features.size() - 1)), "reactivate"),
                        mail(7, "Your " + name + " workspace is waiting", "reactivate"))));
        JsonArrayBuilder array = JsonConventions.json().createArrayBuilder();
        sequences.forEach(sequence -> array.add(sequence.toJson()));
        int emails = sequences.stream().mapToInt(sequence -> sequence.emails().size()).sum();
        return new Artefact("Wrote " + sequences.size() + " email sequences with " + emails + " emails for " + name,
                JsonConventions.json().createObjectBuilder().add("sequences", array).build());
    }

    static Artefact support(TaskBrief brief) {
        PriceModel prices = PriceModel.parse(brief.monetization());
        List<String> plans = new ArrayList<>();
        prices.tiers().forEach(tier -> plans.add(tier.name() + " " + prices.format(tier.price())));
        JsonArrayBuilder faq = JsonConventions.json().createArrayBuilder();
        List<String> features = brief.features();
        for (int i = 0; i < Math.min(FAQ_FEATURES, features.size()); i++) {
            faq.add(qa("How do I get started with " + Phrases.lowerFirst(features.get(i)) + "?",
                    "Open " + brief.businessName() + ", choose " + Phrases.lowerFirst(features.get(i))
                            + " in the navigation and follow the guided setup."));
        }
        faq.add(qa("How much does " + brief.businessName() + " cost?",
                        "Plans per " + prices.unit() + ": " + String.join(", ", plans) + "."))
                .add(qa("Can I cancel at any time?", "Yes. Cancelling stops the next charge and keeps your data for 30 days."))
                .add(qa("How do I reach a person?", "Write to support from the help menu; we answer within one business day."));
        JsonArrayBuilder channels = JsonConventions.json().createArrayBuilder()
                .add(channel("help center", "self-service, always available"))
                .add(channel("email", "first answer within 24 hours"))
                .add(channel("in-app chat", "first answer within 4 business hours"));
        if (brief.archetype().difficulty() == Difficulty.HARD) {
            channels.add(channel("phone", "for the highest plan, same business day"));
        }
        return new Artefact("Wrote " + (Math.min(FAQ_FEATURES, features.size()) + 3) + " FAQ entries and set up the support channels of "
                + brief.businessName(), JsonConventions.json().createObjectBuilder()
                .add("faq", faq)
                .add("channels", channels)
                .build());
    }

    private static JsonObjectBuilder keyword(TaskBrief brief, String keyword, String intent) {
        return JsonConventions.json().createObjectBuilder()
                .add("keyword", keyword)
                .add("intent", intent)
                .add("monthly_searches", MIN_SEARCHES + brief.pick(SEARCH_SPREAD, "searches-" + keyword))
                .add("difficulty", brief.pick(100, "difficulty-" + keyword));
    }

    private static JsonObjectBuilder mail(int day, String subject, String goal) {
        return JsonConventions.json().createObjectBuilder().add("day", day).add("subject", subject).add("goal", goal);
    }

    private static JsonObjectBuilder qa(String question, String answer) {
        return JsonConventions.json().createObjectBuilder().add("question", question).add("answer", answer);
    }

    private static JsonObjectBuilder channel(String name, String responseTime) {
        return JsonConventions.json().createObjectBuilder().add("name", name).add("response_time", responseTime);
    }

    private static String feature(List<String> features, int index) {
        return features.get(Math.min(index, features.size() - 1));
    }
}
