package io.genesis.agents;

import jakarta.json.JsonObject;

import java.util.List;

/**
 * The deterministic pricing, content and SEO artefacts of a business, for the site Genesis builds when those agents
 * did not run in the business's plan (most blueprints have no pricing, content or SEO task before the deploy):
 * exactly what {@code pricing_agent}, {@code content_agent} and {@code seo_agent} return offline for the same brief.
 */
public final class SiteDefaults {

    private SiteDefaults() {
    }

    /** Pricing ({@code tiers}), content ({@code articles}) and SEO ({@code meta_tags}, {@code keywords}) artefacts. */
    public static List<JsonObject> of(TaskBrief brief) {
        return List.of(RevenueWork.pricing(brief).fields(), GrowthWork.content(brief).fields(), GrowthWork.seo(brief).fields());
    }
}
