package io.genesis.planning;

import io.genesis.planning.Blueprint.Phase;

import java.util.List;
import java.util.Map;

/**
 * The fast blueprints: {@code saas_tool}, {@code content_website} and {@code ecommerce_store} with the phases of the
 * Genesis planner, and {@code default} for every other business type. Phases that the business cannot launch without
 * (building, paying, testing, deploying) are critical; marketing, content seeding, SEO and growth are not.
 */
public final class Blueprints {

    public static final String DEFAULT = "default";

    private static final Phase PRODUCT_DEFINITION = new Phase("product_definition", TaskTypes.DESIGN,
            "Define the product: target users, MVP scope and success metrics.", true, List.of());
    private static final Phase ARCHITECTURE_PLAN = new Phase("architecture_plan", TaskTypes.ARCHITECTURE,
            "Plan the system architecture, data model and hosting.", true, List.of("product_definition"));

    private static final Blueprint SAAS_TOOL = new Blueprint("saas_tool", List.of(
            PRODUCT_DEFINITION,
            ARCHITECTURE_PLAN,
            new Phase("frontend_build", TaskTypes.FRONTEND,
                    "Build the web frontend: pages, components and styling.", true, List.of("architecture_plan")),
            new Phase("backend_build", TaskTypes.BACKEND,
                    "Build the backend: API endpoints, persistence and sign-in.", true, List.of("architecture_plan")),
            new Phase("integration", TaskTypes.IMPLEMENT,
                    "Integrate frontend and backend into one working product.", true,
                    List.of("frontend_build", "backend_build")),
            testing("Test the integrated product end to end.", "integration"),
            deployment("Deploy the product to production.", "testing"),
            launchMarketing("Launch marketing: landing copy, channels and a first campaign.", "deployment")),
            "architecture_plan", "testing");

    private static final Blueprint CONTENT_WEBSITE = new Blueprint("content_website", List.of(
            new Phase("editorial_plan", TaskTypes.DESIGN,
                    "Plan the editorial strategy: audience, topics and publishing cadence.", true, List.of()),
            new Phase("site_scaffold", TaskTypes.IMPLEMENT,
                    "Scaffold the website: CMS, templates and navigation.", true, List.of("editorial_plan")),
            new Phase("content_pipeline", TaskTypes.CONTENT,
                    "Set up the content pipeline: briefs, drafting and review workflow.", true,
                    List.of("editorial_plan")),
            new Phase("sample_content", TaskTypes.CONTENT,
                    "Write the first articles that seed the site.", false, List.of("content_pipeline")),
            new Phase("seo_qa", TaskTypes.SEO,
                    "Check on-page SEO, metadata and page speed before launch.", false,
                    List.of("site_scaffold", "sample_content")),
            new Phase("launch_operations", TaskTypes.DEPLOY,
                    "Publish the site with hosting, analytics and backups.", true, List.of("seo_qa")),
            new Phase("growth_playbook", TaskTypes.MARKETING,
                    "Write the growth playbook: newsletter, social and partnerships.", false,
                    List.of("launch_operations"))),
            "editorial_plan", "seo_qa");

    private static final Blueprint ECOMMERCE_STORE = new Blueprint("ecommerce_store", List.of(
            new Phase("catalog_planning", TaskTypes.DESIGN,
                    "Plan the catalog: products, categories, prices and stock.", true, List.of()),
            new Phase("storefront_setup", TaskTypes.FRONTEND,
                    "Build the storefront: product pages, cart and checkout screens.", true,
                    List.of("catalog_planning")),
            new Phase("payment_integration", TaskTypes.PAYMENTS,
                    "Integrate payments: checkout flow, taxes and receipts.", true, List.of("catalog_planning")),
            new Phase("fulfillment_ops", TaskTypes.FULFILLMENT,
                    "Set up fulfillment: shipping rates, order handling and returns.", true,
                    List.of("catalog_planning")),
            new Phase("quality_assurance", TaskTypes.TEST,
                    "Test the store end to end: browse, buy, pay and ship.", true,
                    List.of("storefront_setup", "payment_integration", "fulfillment_ops")),
            deployment("Deploy the store to production.", "quality_assurance"),
            new Phase("launch_campaign", TaskTypes.MARKETING,
                    "Run the launch campaign: promotions, email and social.", false, List.of("deployment"))),
            "catalog_planning", "quality_assurance");

    private static final Blueprint DEFAULT_BLUEPRINT = new Blueprint(DEFAULT, List.of(
            PRODUCT_DEFINITION,
            ARCHITECTURE_PLAN,
            new Phase("build", TaskTypes.IMPLEMENT,
                    "Build the product: core functionality and its integration.", true, List.of("architecture_plan")),
            testing("Test the product end to end.", "build"),
            deployment("Deploy the product to production.", "testing"),
            launchMarketing("Launch marketing: positioning, channels and a first campaign.", "deployment")),
            "architecture_plan", "testing");

    private static final Map<String, Blueprint> BY_TYPE = Map.of(
            SAAS_TOOL.name(), SAAS_TOOL,
            CONTENT_WEBSITE.name(), CONTENT_WEBSITE,
            ECOMMERCE_STORE.name(), ECOMMERCE_STORE);

    private Blueprints() {
    }

    /** The blueprint of a business type; {@code default} for types without one of their own. */
    public static Blueprint forBusinessType(String businessType) {
        return BY_TYPE.getOrDefault(businessType, DEFAULT_BLUEPRINT);
    }

    private static Phase testing(String description, String after) {
        return new Phase("testing", TaskTypes.TEST, description, true, List.of(after));
    }

    private static Phase deployment(String description, String after) {
        return new Phase("deployment", TaskTypes.DEPLOY, description, true, List.of(after));
    }

    private static Phase launchMarketing(String description, String after) {
        return new Phase("launch_marketing", TaskTypes.MARKETING, description, false, List.of(after));
    }
}
