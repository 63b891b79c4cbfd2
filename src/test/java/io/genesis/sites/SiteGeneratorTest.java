package io.genesis.sites;

import io.genesis.api.JsonConventions;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteGeneratorTest {

    private static final String URL = "https://genesis.example.com/sites/team-inbox-1a2b3c4d/";
    private static final Pattern HREF = Pattern.compile("(?:href|action)=\"([^\"]*)\"");

    private static JsonObject json(String text) {
        return JsonConventions.readObject(text);
    }

    private static final JsonObject PRICING = json("""
            {"tiers":[{"name":"Free","price":0,"unit":"month","currency":"USD","features":["Team inbox"]},
                      {"name":"Pro","price":29,"unit":"month","currency":"USD","features":["Team inbox","Billing"]}]}""");
    private static final JsonObject CONTENT = json("""
            {"articles":[{"title":"How agencies get more done","slug":"../../etc/passwd","target_keyword":"team inbox",
                          "outline":["The problem","Setting it up"]},
                         {"title":"Billing: a practical guide","target_keyword":"billing","outline":["Why"],
                          "body":"First paragraph.\\n\\n<b>bold</b> second."}]}""");
    private static final JsonObject SEO = json("""
            {"keywords":[{"keyword":"team inbox"},{"keyword":"agency billing"}],
             "meta_tags":{"title":"Team Inbox | SaaS","description":"One inbox for the agency","robots":"index, follow",
                          "canonical":"https://made-up.vercel.app/"}}""");

    private static Map<String, SiteFile> generate(List<String> features, List<JsonObject> artefacts) {
        SiteContent site = SiteContent.of("Team Inbox", "Shared inbox & billing for agencies", features, "agencies", artefacts);
        return SiteGenerator.generate(site, URL).stream().collect(Collectors.toMap(SiteFile::path, Function.identity()));
    }

    private static String text(SiteFile file) {
        return new String(file.body(), StandardCharsets.UTF_8);
    }

    @Test
    void aScriptInAFeatureNameIsShownAsTextAndNoFileCarriesAScript() {
        Map<String, SiteFile> files = generate(List.of("<script>alert('x')</script>", "Billing \"quoted\""),
                List.of(PRICING, CONTENT, SEO));
        String index = text(files.get("index.html"));
        assertTrue(index.contains("<li>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</li>"), index);
        assertTrue(index.contains("Billing &quot;quoted&quot;"), index);
        assertTrue(index.contains("Shared inbox &amp; billing for agencies"), index);
        files.values().forEach(file -> assertFalse(text(file).toLowerCase().contains("<script"), file.path()));
        String article = text(files.get("articles/billing-a-practical-guide.html"));
        assertTrue(article.contains("<p>&lt;b&gt;bold&lt;/b&gt; second.</p>"), "model-written body escaped: " + article);
    }

    @Test
    void everyPageLinksOnlyToPagesOfTheSiteAndTheArticlesLinkToEachOther() {
        Map<String, SiteFile> files = generate(List.of("Team inbox", "Billing"), List.of(PRICING, CONTENT, SEO));
        assertEquals(new TreeSet<>(Set.of("index.html", "pricing.html", "thanks.html", "sitemap.xml", "robots.txt", "style.css",
                "articles/how-agencies-get-more-done.html", "articles/billing-a-practical-guide.html")), new TreeSet<>(files.keySet()));
        for (SiteFile file : files.values()) {
            if (!file.contentType().equals(SiteFile.HTML)) {
                continue;
            }
            URI page = URI.create(URL).resolve(file.path());
            Matcher href = HREF.matcher(text(file));
            while (href.find()) {
                String target = href.group(1);
                if (target.startsWith("data:")) {
                    continue;
                }
                URI resolved = page.resolve(target);
                String path = resolved.getPath();
                assertTrue(path.startsWith(URI.create(URL).getPath()), file.path() + " links outside the site: " + target);
                String relative = path.substring(URI.create(URL).getPath().length());
                relative = relative.isEmpty() ? "index.html" : relative;
                assertTrue(files.containsKey(relative) || relative.equals("waitlist"), file.path() + " links to a missing " + target);
            }
        }
        String index = text(files.get("index.html"));
        assertTrue(index.contains("href=\"articles/how-agencies-get-more-done.html\""), index);
        assertTrue(index.contains("href=\"articles/billing-a-practical-guide.html\""), index);
        assertTrue(index.contains("href=\"pricing.html\""), index);
        String first = text(files.get("articles/how-agencies-get-more-done.html"));
        assertTrue(first.contains("href=\"../articles/billing-a-practical-guide.html\""), first);
        assertTrue(first.contains("href=\"../pricing.html\""), first);
        assertTrue(first.contains("<form method=\"post\" action=\"../waitlist\">") || first.contains("href=\"../index.html#waitlist\""), first);
        assertTrue(index.contains("<form method=\"post\" action=\"waitlist\">"), "the waitlist form posts without script: " + index);
    }

    @Test
    void pricingShowsEveryTierAndItsFeatures() {
        String pricing = text(generate(List.of("Team inbox", "Billing"), List.of(PRICING, CONTENT, SEO)).get("pricing.html"));
        assertTrue(pricing.contains("<h2>Free</h2>") && pricing.contains("<h2>Pro</h2>"), pricing);
        assertTrue(pricing.contains("$29 <span>per month</span>"), pricing);
        assertTrue(pricing.contains("Free <span>per month</span>"), pricing);
        assertTrue(pricing.contains("<li>Billing</li>"), pricing);
    }

    @Test
    void theSitemapListsEveryPageByItsAbsoluteUrlAndRobotsPointsToIt() {
        Map<String, SiteFile> files = generate(List.of("Team inbox"), List.of(PRICING, CONTENT, SEO));
        String sitemap = text(files.get("sitemap.xml"));
        for (String page : List.of("", "pricing.html", "articles/how-agencies-get-more-done.html", "articles/billing-a-practical-guide.html")) {
            assertTrue(sitemap.contains("<loc>" + URL + page + "</loc>"), page + " in " + sitemap);
        }
        assertFalse(sitemap.contains("thanks.html"), "the thank-you page is no landing page");
        assertEquals(SiteFile.XML, files.get("sitemap.xml").contentType());
        String robots = text(files.get("robots.txt"));
        assertTrue(robots.contains("Sitemap: " + URL + "sitemap.xml"), robots);
        assertTrue(robots.contains("Disallow: /sites/team-inbox-1a2b3c4d/waitlist"), robots);
    }

    @Test
    void metaTagsComeFromSeoButCanonicalUrlsAreTheSitesOwn() {
        String index = text(generate(List.of("Team inbox"), List.of(PRICING, CONTENT, SEO)).get("index.html"));
        assertTrue(index.contains("<title>Team Inbox | SaaS</title>"), index);
        assertTrue(index.contains("<meta name=\"description\" content=\"One inbox for the agency\">"), index);
        assertTrue(index.contains("<meta name=\"keywords\" content=\"team inbox, agency billing\">"), index);
        assertTrue(index.contains("<link rel=\"canonical\" href=\"" + URL + "\">"), index);
        assertFalse(index.contains("vercel.app"), "no made-up host: " + index);
    }

    @Test
    void articleSlugsComeFromTitlesNeverFromTheModel() {
        SiteContent site = SiteContent.of("X", "", List.of(), "", List.of(CONTENT));
        assertEquals(List.of("how-agencies-get-more-done", "billing-a-practical-guide"),
                site.articles().stream().map(SiteContent.Article::slug).toList());
        SiteContent twice = SiteContent.of("X", "", List.of(), "", List.of(json("""
                {"articles":[{"title":"Same"},{"title":"Same"},{"title":"!!!"}]}""")));
        assertEquals(List.of("same", "same-2", "article"), twice.articles().stream().map(SiteContent.Article::slug).toList());
    }

    @Test
    void theFirstArtefactWithAKeyWinsAndMissingOnesLeaveEmptySections() {
        JsonObject modelPricing = json("{\"tiers\":[{\"name\":\"Only\",\"price\":\"contact us\"}]}");
        SiteContent site = SiteContent.of("X", "d", List.of("f"), "", List.of(modelPricing, PRICING));
        assertEquals(List.of(new SiteContent.Tier("Only", "contact us", "", List.of())), site.tiers());
        assertEquals(List.of(), site.articles());
        assertEquals("X", site.seo().title());
    }

    @Test
    void templatesRefuseMissingValuesAndRawText() {
        Template item = Template.load("item.html");
        assertThrows(IllegalArgumentException.class, () -> item.render(Map.of()));
        Template layout = Template.load("waitlist-form.html");
        assertThrows(IllegalArgumentException.class, () -> layout.render(Map.of("name", new Template.Html("<b>"), "root", "")));
        assertThrows(IllegalArgumentException.class, () -> Template.load("landing.html").render(Map.of("name", "n",
                "description", "d", "audience", "a", "root", "", "features", "<li>raw</li>", "articles", new Template.Html(""),
                "waitlist", new Template.Html(""))));
        assertThrows(IllegalStateException.class, () -> Template.load("missing.html"));
    }
}
