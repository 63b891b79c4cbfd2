package io.genesis.sites;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a business's site shows, read from its artefacts: the product (name, description, features, audience), the
 * pricing tiers (the first artefact with {@code tiers}), the articles (the first with {@code articles}) and the SEO
 * meta (the first with {@code meta_tags}, and its {@code keywords}). Artefacts are recognised by their keys, not by
 * the agent that wrote them, so a reassigned task still counts. Every text is trimmed and bounded, lists are capped,
 * article slugs are re-derived from their titles: nothing a model wrote decides a path.
 */
public record SiteContent(String name, String description, List<String> features, String audience, List<Tier> tiers,
                          List<Article> articles, Seo seo) {

    static final int MAX_SHORT = 200;
    static final int MAX_LONG = 5_000;
    static final int MAX_BODY = 20_000;
    static final int MAX_ITEMS = 20;
    static final int MAX_SLUG = 60;

    /** A pricing plan: price as shown ("$49", "Free", "10%") per unit, and the features it includes. */
    public record Tier(String name, String price, String unit, List<String> features) {
    }

    /** An article: title, a path-safe slug unique within the site, its keyword, its sections and optional body text. */
    public record Article(String title, String slug, String keyword, List<String> sections, String body) {
    }

    /** Meta tags: title, description, keywords and the robots directive. */
    public record Seo(String title, String description, List<String> keywords, String robots) {
    }

    public SiteContent {
        features = List.copyOf(features);
        tiers = List.copyOf(tiers);
        articles = List.copyOf(articles);
    }

    /** The product from the business; tiers, articles and meta from the first artefact of {@code artefacts} that has them. */
    public static SiteContent of(String name, String description, List<String> features, String audience,
                                 List<JsonObject> artefacts) {
        String product = bounded(name, MAX_SHORT);
        String about = bounded(description, MAX_LONG);
        List<String> featureList = strings(features, MAX_SHORT);
        List<Tier> tiers = first(artefacts, "tiers").map(SiteContent::tiers).orElse(List.of());
        List<Article> articles = first(artefacts, "articles").map(SiteContent::articles).orElse(List.of());
        Seo seo = first(artefacts, "meta_tags").map(found -> seo(found, product, about))
                .orElseGet(() -> new Seo(product, bounded(about, MAX_SHORT), List.of(), "index, follow"));
        return new SiteContent(product.isEmpty() ? "Untitled" : product, about, featureList, bounded(audience, MAX_SHORT),
                tiers, articles, seo);
    }

    private static Optional<JsonObject> first(List<JsonObject> artefacts, String key) {
        return artefacts.stream().filter(artefact -> artefact.containsKey(key) && artefact.get(key).getValueType()
                != JsonValue.ValueType.NULL).findFirst();
    }

    private static List<Tier> tiers(JsonObject pricing) {
        List<Tier> tiers = new ArrayList<>();
        for (JsonObject tier : objects(pricing.get("tiers"))) {
            String currency = text(tier.get("currency"), MAX_SHORT);
            tiers.add(new Tier(text(tier.get("name"), MAX_SHORT), price(tier.get("price"), currency),
                    text(tier.get("unit"), MAX_SHORT), strings(tier.get("features"), MAX_SHORT)));
        }
        return tiers;
    }

    private static List<Article> articles(JsonObject content) {
        List<Article> articles = new ArrayList<>();
        Set<String> slugs = new LinkedHashSet<>();
        for (JsonObject article : objects(content.get("articles"))) {
            String title = text(article.get("title"), MAX_SHORT);
            if (title.isEmpty()) {
                continue;
            }
            String slug = slug(title);
            for (int n = 2; !slugs.add(slug); n++) {
                slug = slug(title) + "-" + n;
            }
            articles.add(new Article(title, slug, text(article.get("target_keyword"), MAX_SHORT),
                    strings(article.get("outline"), MAX_SHORT), text(article.get("body"), MAX_BODY)));
        }
        return articles;
    }

    private static Seo seo(JsonObject seo, String product, String about) {
        JsonObject meta = seo.get("meta_tags") instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        List<String> keywords = new ArrayList<>();
        if (seo.get("keywords") instanceof JsonArray array) {
            for (JsonValue keyword : array.subList(0, Math.min(array.size(), MAX_ITEMS))) {
                String text = keyword instanceof JsonObject object ? text(object.get("keyword"), MAX_SHORT) : text(keyword, MAX_SHORT);
                if (!text.isEmpty()) {
                    keywords.add(text);
                }
            }
        }
        String title = text(meta.get("title"), MAX_SHORT);
        String description = text(meta.get("description"), MAX_SHORT);
        String robots = text(meta.get("robots"), MAX_SHORT);
        return new Seo(title.isEmpty() ? product : title, description.isEmpty() ? bounded(about, MAX_SHORT) : description,
                keywords, robots.isEmpty() ? "index, follow" : robots);
    }

    /** Lower-case letters and digits joined by single dashes, at most {@value #MAX_SLUG} characters, never empty. */
    static String slug(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "article" : slug;
    }

    private static String price(JsonValue price, String currency) {
        BigDecimal amount = price instanceof JsonNumber number ? number.bigDecimalValue() : null;
        if (amount == null) {
            return text(price, MAX_SHORT);
        }
        String plain = amount.stripTrailingZeros().toPlainString();
        if ("%".equals(currency)) {
            return plain + "%";
        }
        if (amount.signum() == 0) {
            return "Free";
        }
        return currency.isEmpty() || "USD".equalsIgnoreCase(currency) ? "$" + plain : plain + " " + currency;
    }

    private static List<JsonObject> objects(JsonValue value) {
        if (!(value instanceof JsonArray array)) {
            return List.of();
        }
        return array.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).limit(MAX_ITEMS).toList();
    }

    private static List<String> strings(JsonValue value, int max) {
        if (!(value instanceof JsonArray array)) {
            return List.of();
        }
        return strings(array.stream().map(item -> text(item, max)).toList(), max);
    }

    private static List<String> strings(List<String> values, int max) {
        return values.stream().map(value -> bounded(value, max)).filter(value -> !value.isEmpty()).limit(MAX_ITEMS).toList();
    }

    private static String text(JsonValue value, int max) {
        return value instanceof JsonString string ? bounded(string.getString(), max) : "";
    }

    private static String bounded(String text, int max) {
        if (text == null) {
            return "";
        }
        String trimmed = text.strip();
        return trimmed.length() <= max ? trimmed : trimmed.substring(0, max).strip() + "…";
    }
}
