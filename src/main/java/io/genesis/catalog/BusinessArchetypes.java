package io.genesis.catalog;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ten archetypes of {@code infrastructure/genesis_business_types.py} (Genesis-Rebuild): type, difficulty,
 * time to deploy, monetization model and required agents are the code's; where the Meta-Agent guide's table differs,
 * the code wins. The code's table does not list the features and technologies here: those lists (7 features for
 * saas_tool, 7-8 for the others, 6-7 technologies each), the descriptions, target markets and success metrics are ours.
 *
 * <p>The code names agent roles that are not in our registry; they are mapped onto the closest of our 22 agents:
 * billing -&gt; finance_agent (payments, invoicing, subscriptions), analyst -&gt; analytics_agent, legal -&gt;
 * security_agent (compliance and privacy review), maintenance -&gt; monitoring_agent (uptime, alerting, fixes). The
 * other roles keep their name with the {@code _agent} suffix. A role mapped twice (marketplace: security and legal)
 * appears once.
 */
@ApplicationScoped
public class BusinessArchetypes {

    private static final String BUILDER = AgentName.BUILDER_AGENT.id();
    private static final String QA = AgentName.QA_AGENT.id();
    private static final String DEPLOY = AgentName.DEPLOY_AGENT.id();
    private static final String CONTENT = AgentName.CONTENT_AGENT.id();
    private static final String SEO = AgentName.SEO_AGENT.id();
    private static final String EMAIL = AgentName.EMAIL_AGENT.id();
    private static final String MARKETING = AgentName.MARKETING_AGENT.id();
    private static final String SUPPORT = AgentName.SUPPORT_AGENT.id();
    private static final String SECURITY = AgentName.SECURITY_AGENT.id();
    /** The code's billing_agent. */
    private static final String BILLING = AgentName.FINANCE_AGENT.id();
    /** The code's analyst_agent. */
    private static final String ANALYST = AgentName.ANALYTICS_AGENT.id();
    /** The code's maintenance_agent. */
    private static final String MAINTENANCE = AgentName.MONITORING_AGENT.id();

    private static final List<BusinessArchetype> ALL = List.of(
            new BusinessArchetype("saas_tool", "Focused SaaS tool",
                    "A single-purpose subscription web app that removes one recurring chore for small teams.",
                    List.of("Email and OAuth sign-in", "Core workflow editor", "Team workspaces with invitations",
                            "Usage dashboard", "Stripe subscription billing with a free tier", "Transactional email notifications",
                            "Account settings and API keys"),
                    List.of("Next.js", "React", "TypeScript", "PostgreSQL", "Stripe", "Vercel"),
                    List.of(BUILDER, QA, DEPLOY, CONTENT, BILLING),
                    metrics("activation_rate", "> 30% of sign-ups complete the core workflow",
                            "free_to_paid_conversion", "> 4%", "mrr", "> $1,000 within 90 days", "monthly_churn", "< 5%"),
                    "<4h", Difficulty.EASY, "Freemium, $9-29/month", "Freelancers and teams of 2-20 people"),
            new BusinessArchetype("content_website", "SEO content website",
                    "A niche publication that earns from search traffic through ads, affiliate links and a newsletter.",
                    List.of("Markdown article publishing", "Category and tag navigation", "SEO metadata, sitemap and schema.org markup",
                            "Newsletter sign-up", "Affiliate link management", "Display ad slots", "Site search", "RSS feed"),
                    List.of("Next.js", "React", "MDX", "Tailwind CSS", "Plausible Analytics", "Vercel"),
                    List.of(BUILDER, CONTENT, SEO, DEPLOY, EMAIL),
                    metrics("organic_sessions", "> 10,000 per month within 6 months", "newsletter_signup_rate", "> 2% of visitors",
                            "revenue_per_1000_sessions", "> $15"),
                    "<5h", Difficulty.EASY, "Ads + affiliate + newsletter", "Readers searching for advice in one niche"),
            new BusinessArchetype("ecommerce_store", "Direct-to-consumer store",
                    "An online storefront that sells a focused product line directly to consumers.",
                    List.of("Product catalog with variants", "Shopping cart", "Stripe checkout", "Order management",
                            "Inventory tracking", "Customer accounts and order history", "Order confirmation emails",
                            "Discount codes"),
                    List.of("Next.js", "React", "TypeScript", "PostgreSQL", "Prisma", "Stripe", "Vercel"),
                    List.of(BUILDER, QA, DEPLOY, BILLING, CONTENT),
                    metrics("conversion_rate", "> 2% of sessions", "average_order_value", "> $45",
                            "cart_abandonment", "< 70%", "repeat_purchase_rate", "> 20% within 90 days"),
                    "<6h", Difficulty.MEDIUM, "Direct sales", "Online shoppers in one product niche"),
            new BusinessArchetype("landing_page_waitlist", "Landing page with waitlist",
                    "A single page that tests demand for a product idea and collects a waitlist before it is built.",
                    List.of("Hero section with value proposition", "Waitlist sign-up form", "Referral links that move people up the queue",
                            "Feature highlights", "FAQ section", "Conversion analytics", "Confirmation email"),
                    List.of("Next.js", "React", "Tailwind CSS", "PostgreSQL", "Resend", "Plausible Analytics", "Vercel"),
                    List.of(BUILDER, CONTENT, MARKETING, DEPLOY, ANALYST),
                    metrics("visitor_to_signup_rate", "> 10%", "waitlist_size", "> 500 in 30 days", "referral_share", "> 20% of sign-ups"),
                    "<2h", Difficulty.EASY, "Future product sales", "Early adopters of the product being validated"),
            new BusinessArchetype("saas_dashboard", "Analytics dashboard SaaS",
                    "A hosted dashboard that turns a team's operational data into charts, KPIs and scheduled reports.",
                    List.of("Data source connectors", "Interactive charts", "Custom KPI builder", "Scheduled email reports",
                            "Team roles and permissions", "CSV export", "Threshold alerts", "Per-seat billing"),
                    List.of("Next.js", "React", "Python", "FastAPI", "PostgreSQL", "Recharts", "Stripe"),
                    List.of(BUILDER, QA, ANALYST, SECURITY, DEPLOY, BILLING),
                    metrics("weekly_active_seats", "> 60% of paid seats", "time_to_first_chart", "< 10 minutes",
                            "mrr", "> $2,500 within 90 days", "net_revenue_retention", "> 100%"),
                    "<8h", Difficulty.MEDIUM, "$29-99/month per user", "Operations and finance leads at small companies"),
            new BusinessArchetype("marketplace", "Two-sided marketplace",
                    "A platform that matches independent sellers with buyers and takes a commission on each sale.",
                    List.of("Seller onboarding and verification", "Listing creation and search", "Buyer-seller messaging",
                            "Split payments through Stripe Connect", "Reviews and ratings", "Commission accounting",
                            "Dispute resolution", "Admin moderation"),
                    List.of("Next.js", "React", "Node.js", "PostgreSQL", "Stripe Connect", "Algolia", "Vercel"),
                    List.of(BUILDER, QA, SECURITY, BILLING, SUPPORT, DEPLOY),
                    metrics("gross_merchandise_value", "> $10,000 per month within 6 months", "liquidity",
                            "> 30% of listings sell within 30 days", "take_rate", "10-20%", "dispute_rate", "< 1% of orders"),
                    "<12h", Difficulty.HARD, "10-20% commission per transaction", "Independent sellers and their buyers"),
            new BusinessArchetype("ai_chatbot_service", "AI chatbot service",
                    "A chat assistant that answers customers' questions from a business's own knowledge base.",
                    List.of("Embeddable chat widget", "Knowledge-base ingestion from docs and URLs", "Intent detection",
                            "Human handoff fallback", "Conversation analytics", "Multi-tenant workspaces", "Usage-based plans"),
                    List.of("Python", "FastAPI", "OpenAI API", "PostgreSQL with pgvector", "Redis", "React", "Stripe"),
                    List.of(BUILDER, QA, ANALYST, SUPPORT, DEPLOY, BILLING),
                    metrics("automated_resolution_rate", "> 60% of conversations", "customer_satisfaction", "> 4.2 of 5",
                            "mrr", "> $2,000 within 90 days"),
                    "<7h", Difficulty.MEDIUM, "$49-299/month", "Small businesses with repetitive support questions"),
            new BusinessArchetype("api_service", "Developer API service",
                    "A metered HTTP API that sells one capability to developers, billed per call.",
                    List.of("API key management", "Rate limiting and quotas", "Metered usage billing", "Interactive API docs",
                            "Versioned REST endpoints", "Usage dashboard", "Public status page"),
                    List.of("Python", "FastAPI", "PostgreSQL", "Redis", "Stripe", "OpenAPI", "Pytest"),
                    List.of(BUILDER, QA, SECURITY, DEPLOY, BILLING, MAINTENANCE),
                    metrics("time_to_first_call", "< 5 minutes", "p95_latency", "< 300 ms", "uptime", "> 99.9%",
                            "paying_developers", "> 50 within 90 days"),
                    "<6h", Difficulty.MEDIUM, "$0.01-0.10 per call", "Developers who need the capability in their product"),
            new BusinessArchetype("newsletter_automation", "Automated newsletter",
                    "A curated newsletter with automated sequences, earning from sponsors and a premium tier.",
                    List.of("Double opt-in subscription", "Audience segmentation", "Drip sequence builder",
                            "Issue editor with templates", "Sponsor slot management", "Premium subscriber tier",
                            "Open and click analytics"),
                    List.of("Next.js", "React", "PostgreSQL", "Resend", "Stripe", "Vercel"),
                    List.of(BUILDER, CONTENT, EMAIL, ANALYST, DEPLOY),
                    metrics("subscribers", "> 2,000 within 90 days", "open_rate", "> 45%", "premium_conversion",
                            "> 3% of subscribers", "sponsor_fill_rate", "> 50% of issues"),
                    "<5h", Difficulty.EASY, "Sponsorships + premium subscriptions", "Professionals following one topic"),
            new BusinessArchetype("no_code_tool", "No-code workflow builder",
                    "A visual builder that lets non-developers automate workflows across the apps they already use.",
                    List.of("Drag-and-drop workflow canvas", "Block library", "Third-party integrations", "Triggers and schedules",
                            "Template gallery", "Run history and logs", "Team sharing", "Plan-based usage limits"),
                    List.of("React", "TypeScript", "React Flow", "Node.js", "PostgreSQL", "Redis", "Stripe"),
                    List.of(BUILDER, QA, ANALYST, SECURITY, SUPPORT, DEPLOY, BILLING),
                    metrics("activation_rate", "> 25% build a working workflow in week one", "workflows_per_active_team",
                            "> 5", "free_to_paid_conversion", "> 3%", "mrr", "> $3,000 within 6 months"),
                    "<10h", Difficulty.HARD, "Freemium, $19-79/month", "Operations staff at small and mid-sized companies"));

    private static final Map<String, BusinessArchetype> BY_TYPE = index();

    /** All ten archetypes, in the Genesis code's order. */
    public List<BusinessArchetype> all() {
        return ALL;
    }

    public Optional<BusinessArchetype> byType(String type) {
        return Optional.ofNullable(type == null ? null : BY_TYPE.get(type));
    }

    /** The archetype identifiers, in the Genesis code's order. */
    public List<String> types() {
        return ALL.stream().map(BusinessArchetype::type).toList();
    }

    /** Whether {@code type} names one of the archetypes ({@code validate_business_type}). */
    public boolean validate(String type) {
        return byType(type).isPresent();
    }

    public List<BusinessArchetype> byDifficulty(Difficulty difficulty) {
        return ALL.stream().filter(archetype -> archetype.difficulty() == difficulty).toList();
    }

    private static Map<String, BusinessArchetype> index() {
        Map<String, BusinessArchetype> index = new LinkedHashMap<>();
        for (BusinessArchetype archetype : ALL) {
            index.put(archetype.type(), archetype);
        }
        return Map.copyOf(index);
    }

    private static Map<String, String> metrics(String... pairs) {
        Map<String, String> metrics = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            metrics.put(pairs[i], pairs[i + 1]);
        }
        return metrics;
    }
}
