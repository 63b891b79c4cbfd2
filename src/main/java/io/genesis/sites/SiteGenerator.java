package io.genesis.sites;

import io.genesis.sites.SiteContent.Article;
import io.genesis.sites.SiteContent.Tier;
import io.genesis.sites.Template.Html;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The static site of a business, from its {@link SiteContent} and templates: {@code index.html} (product, features,
 * articles, waitlist form), {@code pricing.html} (one card per tier), {@code articles/<slug>.html} (one per content
 * item, each linking home, to pricing and to every other article), {@code thanks.html} (after a sign-up),
 * {@code sitemap.xml} (every page, absolute URLs), {@code robots.txt} and {@code style.css}. Links between pages are
 * relative, so the site works under any public base URL; canonical and sitemap URLs are absolute.
 */
public final class SiteGenerator {

    private static final Template LAYOUT = Template.load("layout.html");
    private static final Template LANDING = Template.load("landing.html");
    private static final Template PRICING = Template.load("pricing.html");
    private static final Template TIER = Template.load("tier.html");
    private static final Template ARTICLE = Template.load("article.html");
    private static final Template PARAGRAPH = Template.load("paragraph.html");
    private static final Template ITEM = Template.load("item.html");
    private static final Template LINK_ITEM = Template.load("link-item.html");
    private static final Template WAITLIST = Template.load("waitlist-form.html");
    private static final Template THANKS = Template.load("thanks.html");
    private static final Template SITEMAP = Template.load("sitemap.xml");
    private static final Template SITEMAP_URL = Template.load("sitemap-url.xml");
    private static final Template ROBOTS = Template.load("robots.txt");
    private static final String STYLE = Template.load("style.css").render(Map.of()).markup();

    private SiteGenerator() {
    }

    /** Every file of the site whose absolute address is {@code siteUrl} (ending with a slash). */
    public static List<SiteFile> generate(SiteContent site, String siteUrl) {
        if (!siteUrl.endsWith("/")) {
            throw new IllegalArgumentException("a site URL ends with a slash: " + siteUrl);
        }
        List<SiteFile> files = new ArrayList<>();
        List<String> pages = new ArrayList<>();
        page(files, pages, "index.html", site.seo().title(), site.seo().description(), site, siteUrl, "", landing(site));
        page(files, pages, "pricing.html", "Pricing | " + site.name(), "Plans and prices of " + site.name(), site, siteUrl, "",
                PRICING.render(Map.of("name", site.name(), "tiers", tiers(site), "waitlist", waitlist(site, ""))));
        for (Article article : site.articles()) {
            page(files, pages, articlePath(article), article.title() + " | " + site.name(), article.title(), site, siteUrl,
                    "../", article(site, article));
        }
        SiteFile thanks = SiteFile.text("thanks.html", SiteFile.HTML, layout(site, siteUrl + "thanks.html", "Thank you | "
                + site.name(), site.seo().description(), "noindex", "", THANKS.render(Map.of("name", site.name(), "root", ""))));
        files.add(thanks);
        List<Html> urls = pages.stream().map(path -> SITEMAP_URL.render(Map.of("loc", siteUrl
                + (path.equals("index.html") ? "" : path)))).toList();
        files.add(SiteFile.text("sitemap.xml", SiteFile.XML, SITEMAP.render(Map.of("urls", Html.join(urls))).markup()));
        String sitePath = java.net.URI.create(siteUrl).getRawPath();
        files.add(SiteFile.text("robots.txt", SiteFile.TEXT, ROBOTS.render(Map.of("path", sitePath,
                "sitemap", siteUrl + "sitemap.xml")).markup()));
        files.add(SiteFile.text("style.css", SiteFile.CSS, STYLE));
        return files;
    }

    static String articlePath(Article article) {
        return "articles/" + article.slug() + ".html";
    }

    private static void page(List<SiteFile> files, List<String> pages, String path, String title, String description,
                             SiteContent site, String siteUrl, String root, Html body) {
        String canonical = siteUrl + (path.equals("index.html") ? "" : path);
        files.add(SiteFile.text(path, SiteFile.HTML, layout(site, canonical, title, description, site.seo().robots(), root, body)));
        pages.add(path);
    }

    private static String layout(SiteContent site, String canonical, String title, String description, String robots,
                                 String root, Html body) {
        Map<String, Object> values = new HashMap<>();
        values.put("title", title);
        values.put("description", description);
        values.put("keywords", String.join(", ", site.seo().keywords()));
        values.put("robots", robots);
        values.put("name", site.name());
        values.put("canonical", canonical);
        values.put("root", root);
        values.put("body", body);
        return LAYOUT.render(values).markup();
    }

    private static Html landing(SiteContent site) {
        List<Html> articles = site.articles().stream()
                .map(article -> LINK_ITEM.render(Map.of("href", articlePath(article), "text", article.title()))).toList();
        return LANDING.render(Map.of("name", site.name(), "description", site.description(),
                "audience", site.audience().isEmpty() ? "everyone" : site.audience(), "root", "",
                "features", items(site.features()), "articles", Html.join(articles), "waitlist", waitlist(site, "")));
    }

    private static Html tiers(SiteContent site) {
        List<Html> cards = new ArrayList<>();
        for (Tier tier : site.tiers()) {
            cards.add(TIER.render(Map.of("tier", tier.name(), "price", tier.price(),
                    "per", tier.unit().isEmpty() || tier.price().endsWith("%") ? "" : "per " + tier.unit(),
                    "features", items(tier.features()))));
        }
        return Html.join(cards);
    }

    private static Html article(SiteContent site, Article article) {
        List<Html> body = article.body().isEmpty() ? List.of() : article.body().lines().filter(line -> !line.isBlank())
                .map(line -> PARAGRAPH.render(Map.of("text", line.strip()))).toList();
        List<Html> others = site.articles().stream().filter(other -> !other.slug().equals(article.slug()))
                .map(other -> LINK_ITEM.render(Map.of("href", "../" + articlePath(other), "text", other.title()))).toList();
        return ARTICLE.render(Map.of("title", article.title(), "keyword", article.keyword().isEmpty() ? site.name() : article.keyword(),
                "intro", site.description(), "sections", items(article.sections()), "body", Html.join(body), "name", site.name(),
                "root", "../", "others", Html.join(others)));
    }

    private static Html waitlist(SiteContent site, String root) {
        return WAITLIST.render(Map.of("name", site.name(), "root", root));
    }

    private static Html items(List<String> texts) {
        return Html.join(texts.stream().map(text -> ITEM.render(Map.of("text", text))).toList());
    }
}
