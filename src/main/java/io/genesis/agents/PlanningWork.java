package io.genesis.agents;

import io.genesis.api.JsonConventions;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Research, specification and architecture: what to build and how its parts fit together. */
final class PlanningWork {

    /** Share of the features that are "must" requirements; the rest are "should". */
    static final double MUST_SHARE = 0.6;
    static final int COMPETITORS = 3;
    static final int MIN_MARKET_SIZE = 20_000;
    static final int MARKET_SIZE_SPREAD = 180;
    static final int MARKET_SIZE_STEP = 1_000;

    /** A technology's place in the system: the component it becomes, its layer, what it offers and whom it calls. */
    private record Part(String fragment, String component, String layer, String responsibility, List<String> provides,
                        List<String> consumes) {
    }

    /** First match wins (so "React Flow" is the canvas, "React" the UI library). */
    private static final List<Part> PARTS = List.of(
            part("next.js", "web_app", "presentation", "Server-rendered pages and API routes", List.of("HTTPS pages", "REST /api/*"),
                    List.of("database", "orm", "payments", "email", "search")),
            part("react flow", "workflow_canvas", "presentation", "Drag-and-drop node editor", List.of("canvas events"),
                    List.of("api_service")),
            part("react", "ui_components", "presentation", "Interactive UI components", List.of("UI components"),
                    List.of("web_app", "api_service")),
            part("vue", "ui_components", "presentation", "Interactive UI components", List.of("UI components"),
                    List.of("api_service")),
            part("tailwind", "styling", "presentation", "Design tokens and utility CSS", List.of("CSS utilities"), List.of()),
            part("mdx", "content_pipeline", "presentation", "Renders Markdown articles with embedded components",
                    List.of("article pages"), List.of()),
            part("recharts", "charts", "presentation", "Charts of the dashboard", List.of("chart components"), List.of("api_service")),
            part("fastapi", "api_service", "application", "HTTP API and business logic", List.of("REST /api/v1/*", "OpenAPI document"),
                    List.of("database", "cache", "payments", "llm")),
            part("node.js", "api_service", "application", "HTTP API and business logic", List.of("REST /api/v1/*"),
                    List.of("database", "cache", "payments", "search")),
            part("pgvector", "database", "data", "System of record and vector search", List.of("SQL", "vector similarity"), List.of()),
            part("postgresql", "database", "data", "System of record", List.of("SQL"), List.of()),
            part("prisma", "orm", "data", "Typed data access and migrations", List.of("typed queries"), List.of("database")),
            part("redis", "cache", "data", "Cache, rate limits and job queues", List.of("key-value store", "queues"), List.of()),
            part("stripe", "payments", "integration", "Checkout, subscriptions and invoices", List.of("checkout sessions", "webhooks"),
                    List.of()),
            part("openai", "llm", "integration", "Answers and embeddings", List.of("chat completions", "embeddings"), List.of()),
            part("algolia", "search", "integration", "Full-text listing search", List.of("search index"), List.of()),
            part("resend", "email", "integration", "Transactional and marketing email", List.of("email delivery API"), List.of()),
            part("plausible", "analytics", "integration", "Privacy-friendly traffic analytics", List.of("page-view events"), List.of()),
            part("vercel", "hosting", "infrastructure", "Builds, preview and production deployments behind a CDN",
                    List.of("HTTPS edge", "preview URLs"), List.of()),
            part("openapi", "api_docs", "application", "Interactive API reference", List.of("API reference pages"),
                    List.of("api_service")),
            part("pytest", "test_harness", "quality", "Automated API tests", List.of("test reports"), List.of("api_service")));
    private static final Set<String> LANGUAGES = Set.of("typescript", "javascript", "python");

    private PlanningWork() {
    }

    static Artefact research(TaskBrief brief) {
        PriceModel prices = PriceModel.parse(brief.monetization());
        int reachable = MIN_MARKET_SIZE + brief.pick(MARKET_SIZE_SPREAD, "market-size") * MARKET_SIZE_STEP;
        List<String> features = brief.features();
        List<String> names = BrandNames.generate(COMPETITORS, Set.of(brief.businessName()), brief.fingerprint(), "competitors");
        JsonArrayBuilder competitors = JsonConventions.json().createArrayBuilder();
        for (int i = 0; i < names.size(); i++) {
            String gap = features.get((i + 1) % features.size());
            competitors.add(JsonConventions.json().createObjectBuilder()
                    .add("name", names.get(i))
                    .add("positioning", List.of("Established all-in-one suite", "Low-cost newcomer", "Enterprise-focused vendor").get(i))
                    .add("price_point", prices.format(prices.points().get(Math.min(i, prices.points().size() - 1))))
                    .add("gap", "No " + Phrases.lowerFirst(gap)));
        }
        JsonArrayBuilder findings = JsonConventions.json().createArrayBuilder()
                .add(finding("market", "About " + String.format(Locale.ROOT, "%,d", reachable) + " " + Phrases.lowerFirst(brief.targetMarket())
                        + " can be reached through search and communities in the first year."))
                .add(finding("pricing", "Comparable products charge " + prices.describe() + "; " + brief.monetization()
                        + " fits the range."))
                .add(finding("demand", Phrases.lowerFirst(features.get(0)) + " is the capability buyers ask for first; "
                        + "competitors keep it in paid plans."))
                .add(finding("differentiation", "None of the " + COMPETITORS + " closest competitors offers "
                        + Phrases.lowerFirst(features.get(features.size() - 1)) + " in its entry plan."));
        return new Artefact("Researched the market for " + brief.businessName() + ": 4 findings and " + COMPETITORS
                + " competitors", JsonConventions.json().createObjectBuilder()
                .add("findings", findings)
                .add("competitors", competitors)
                .add("market", JsonConventions.json().createObjectBuilder()
                        .add("segment", brief.targetMarket())
                        .add("reachable_customers", reachable))
                .build());
    }

    static Artefact spec(TaskBrief brief) {
        List<String> features = brief.features();
        int musts = (int) Math.ceil(features.size() * MUST_SHARE);
        JsonArrayBuilder requirements = JsonConventions.json().createArrayBuilder();
        for (int i = 0; i < features.size(); i++) {
            requirements.add(JsonConventions.json().createObjectBuilder()
                    .add("id", String.format(Locale.ROOT, "REQ-%03d", i + 1))
                    .add("kind", "functional")
                    .add("feature", features.get(i))
                    .add("statement", "The product shall provide " + Phrases.lowerFirst(features.get(i)) + ".")
                    .add("priority", i < musts ? "must" : "should")
                    .add("acceptance", "A user from the target market completes " + Phrases.lowerFirst(features.get(i))
                            + " end to end without assistance."));
        }
        List<String> qualities = List.of("Pages and API calls answer within 300 ms at the 95th percentile.",
                "Personal data is encrypted in transit and at rest.",
                "The service is available 99.5% of each month.");
        for (int i = 0; i < qualities.size(); i++) {
            requirements.add(JsonConventions.json().createObjectBuilder()
                    .add("id", String.format(Locale.ROOT, "NFR-%03d", i + 1))
                    .add("kind", "non_functional")
                    .add("statement", qualities.get(i))
                    .add("priority", "must"));
        }
        List<String> metrics = new ArrayList<>();
        brief.successMetrics().forEach((name, target) -> metrics.add(name.replace('_', ' ') + " " + target));
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("Overview", brief.description());
        sections.put("Users", "Built for " + Phrases.lowerFirst(brief.targetMarket()) + ".");
        sections.put("Scope", "The MVP ships " + features.size() + " features: " + String.join(", ", features) + ".");
        sections.put("Technology", "Built with " + String.join(", ", brief.techStack()) + ".");
        sections.put("Monetization", brief.monetization() + ".");
        sections.put("Success metrics", String.join("; ", metrics) + ".");
        JsonArrayBuilder sectionArray = JsonConventions.json().createArrayBuilder();
        sections.forEach((heading, body) -> sectionArray.add(JsonConventions.json().createObjectBuilder().add("heading", heading).add("body", body)));
        return new Artefact("Specified " + brief.businessName() + ": " + sections.size() + " sections, " + features.size()
                + " functional and " + qualities.size() + " non-functional requirements", JsonConventions.json().createObjectBuilder()
                .add("spec", JsonConventions.json().createObjectBuilder()
                        .add("title", brief.businessName() + " product specification")
                        .add("sections", sectionArray))
                .add("requirements", requirements)
                .build());
    }

    static Artefact architecture(TaskBrief brief) {
        Map<String, Part> byComponent = new LinkedHashMap<>();
        Map<String, String> technology = new LinkedHashMap<>();
        Set<String> languages = new LinkedHashSet<>();
        for (String tech : brief.techStack()) {
            String lower = tech.toLowerCase(Locale.ROOT);
            if (LANGUAGES.contains(lower)) {
                languages.add(tech);
                continue;
            }
            Part part = PARTS.stream().filter(candidate -> lower.contains(candidate.fragment())).findFirst()
                    .orElseGet(() -> part(lower, Identifiers.snake(Identifiers.slug(tech)), "integration", "Provides " + tech,
                            List.of(tech + " API"), List.of()));
            if (byComponent.putIfAbsent(part.component(), part) == null) {
                technology.put(part.component(), tech);
            } else {
                technology.merge(part.component(), tech, (first, second) -> first + " + " + second);
            }
        }
        JsonArrayBuilder components = JsonConventions.json().createArrayBuilder();
        List<String> flows = new ArrayList<>();
        Set<String> layers = new LinkedHashSet<>();
        byComponent.forEach((name, part) -> {
            List<String> calls = part.consumes().stream().filter(byComponent::containsKey).toList();
            calls.forEach(callee -> flows.add(name + " -> " + callee));
            layers.add(part.layer());
            components.add(JsonConventions.json().createObjectBuilder()
                    .add("name", name)
                    .add("technology", technology.get(name))
                    .add("layer", part.layer())
                    .add("responsibility", part.responsibility())
                    .add("interfaces", JsonConventions.json().createObjectBuilder()
                            .add("provides", JsonConventions.json().createArrayBuilder(part.provides()))
                            .add("consumes", JsonConventions.json().createArrayBuilder(calls))));
        });
        String style = byComponent.containsKey("api_service") ? "web frontend with a separate API service" : "full-stack web app";
        return new Artefact("Designed " + brief.businessName() + " as a " + style + " of " + byComponent.size() + " components",
                JsonConventions.json().createObjectBuilder()
                        .add("architecture", JsonConventions.json().createObjectBuilder()
                                .add("style", style)
                                .add("layers", JsonConventions.json().createArrayBuilder(List.copyOf(layers)))
                                .add("languages", JsonConventions.json().createArrayBuilder(List.copyOf(languages)))
                                .add("data_flow", JsonConventions.json().createArrayBuilder(flows)))
                        .add("components", components)
                        .build());
    }

    private static JsonObjectBuilder finding(String topic, String insight) {
        return JsonConventions.json().createObjectBuilder().add("topic", topic).add("insight", Phrases.capitalize(insight));
    }

    private static Part part(String fragment, String component, String layer, String responsibility, List<String> provides,
                             List<String> consumes) {
        return new Part(fragment, component, layer, responsibility, provides, consumes);
    }
}
