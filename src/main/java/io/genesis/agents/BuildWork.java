package io.genesis.agents;

import io.genesis.api.JsonConventions;
import io.genesis.agents.CodeLayout.SourceFile;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Building and shipping: generated files, pages and components, endpoints and schema, the deployment. */
final class BuildWork {

    static final int HASH_LENGTH = 8;
    static final int BUILD_ID_LENGTH = 12;
    private static final List<String> VERCEL_REGIONS = List.of("iad1", "sfo1", "cle1", "fra1", "lhr1", "hnd1");
    private static final List<String> RENDER_REGIONS = List.of("oregon", "ohio", "virginia", "frankfurt", "singapore");

    private BuildWork() {
    }

    static Artefact builder(TaskBrief brief) {
        CodeLayout layout = new CodeLayout(brief);
        List<SourceFile> files = new ArrayList<>(layout.frontend());
        files.addAll(layout.backend());
        files.addAll(layout.project());
        int lines = files.stream().mapToInt(SourceFile::lines).sum();
        return new Artefact("Generated " + files.size() + " " + layout.language() + " files (" + lines + " lines) implementing "
                + brief.features().size() + " features of " + brief.businessName(), JsonConventions.json().createObjectBuilder()
                .add("files", files(files))
                .add("lines_total", lines)
                .add("language", layout.language())
                .build());
    }

    static Artefact frontend(TaskBrief brief) {
        CodeLayout layout = new CodeLayout(brief);
        JsonArrayBuilder pages = JsonConventions.json().createArrayBuilder()
                .add(page("/", brief.businessName(), List.of("Hero", "FeatureGrid", "PricingTable", "SignUpCallToAction")));
        List<String> components = new ArrayList<>(List.of("AppShell", "NavigationBar", "Hero", "FeatureGrid", "PricingTable",
                "SignUpCallToAction"));
        brief.resources().forEach((resource, feature) -> {
            String name = Identifiers.pascal(resource);
            pages.add(page("/" + resource, feature, List.of("AppShell", name + "View", name + "Form")));
            components.add(name + "View");
            components.add(name + "Form");
        });
        List<SourceFile> files = layout.frontend();
        return new Artefact("Built " + (brief.resources().size() + 1) + " pages from " + components.size() + " components for "
                + brief.businessName(), JsonConventions.json().createObjectBuilder()
                .add("pages", pages)
                .add("components", JsonConventions.json().createArrayBuilder(components))
                .add("files", files(files))
                .add("framework", layout.hasUiFramework() ? brief.techStack().stream()
                        .filter(tech -> tech.equalsIgnoreCase("Next.js") || tech.equalsIgnoreCase("React")
                                || tech.equalsIgnoreCase("Vue")).findFirst().orElse("React") : "HTML")
                .build());
    }

    static Artefact backend(TaskBrief brief) {
        CodeLayout layout = new CodeLayout(brief);
        String prefix = layout.apiPrefix();
        JsonArrayBuilder endpoints = JsonConventions.json().createArrayBuilder();
        JsonArrayBuilder tables = JsonConventions.json().createArrayBuilder().add(table("accounts", JsonConventions.json().createArrayBuilder()
                .add(column("id", "uuid primary key"))
                .add(column("email", "text unique not null"))
                .add(column("created_at", "timestamptz not null"))));
        Map<String, String> resources = brief.resources();
        int count = 0;
        for (Map.Entry<String, String> resource : resources.entrySet()) {
            String path = prefix + "/" + resource.getKey();
            String feature = Phrases.lowerFirst(resource.getValue());
            endpoints.add(endpoint("GET", path, "List the items of " + feature))
                    .add(endpoint("POST", path, "Create an item of " + feature))
                    .add(endpoint("GET", path + "/{id}", "Read one item of " + feature));
            count += 3;
            tables.add(table(Identifiers.snake(resource.getKey()), JsonConventions.json().createArrayBuilder()
                    .add(column("id", "uuid primary key"))
                    .add(column("account_id", "uuid not null references accounts(id)"))
                    .add(column("title", "text not null"))
                    .add(column("details", "jsonb not null default '{}'"))
                    .add(column("created_at", "timestamptz not null"))));
        }
        if (brief.uses("stripe")) {
            endpoints.add(endpoint("POST", prefix + "/webhooks/stripe", "Receive signed Stripe events"));
            count++;
        }
        String engine = brief.techStack().stream().filter(tech -> tech.toLowerCase(Locale.ROOT).contains("postgres"))
                .findFirst().orElse("SQLite");
        return new Artefact("Designed " + count + " endpoints and " + (resources.size() + 1) + " tables on " + engine
                + " for " + brief.businessName(), JsonConventions.json().createObjectBuilder()
                .add("endpoints", endpoints)
                .add("schema", JsonConventions.json().createObjectBuilder().add("engine", engine).add("tables", tables))
                .add("files", files(layout.backend()))
                .build());
    }

    static Artefact deploy(TaskBrief brief) {
        Hosting hosting = Hosting.of(brief);
        int deployed = brief.dependencies().values().stream()
                .filter(result -> result.get("files") instanceof JsonArray)
                .mapToInt(result -> result.getJsonArray("files").size())
                .sum();
        String url = deploymentUrl(brief);
        return new Artefact("Deployed " + brief.businessName() + " to " + url + " on " + hosting.provider(), JsonConventions.json().createObjectBuilder()
                .add("deployment_url", url)
                .add("provider", hosting.provider())
                .add("region", hosting.regions().get(brief.pick(hosting.regions().size(), "region")))
                .add("environment", "production")
                .add("build_id", "bld_" + Identifiers.hex(BUILD_ID_LENGTH, brief.fingerprint(), brief.taskId()))
                .add("files_deployed", deployed)
                .build());
    }

    /** {@code https://<name slug>-<8 hex of the business id or name>.<provider host>}: stable for a business. */
    static String deploymentUrl(TaskBrief brief) {
        return "https://" + Identifiers.slug(brief.businessName()) + "-" + Identifiers.hex(HASH_LENGTH, brief.fingerprint())
                + "." + Hosting.of(brief).host();
    }

    /** Where a business runs: Render for a Python service without Vercel or Next.js in its stack, else Vercel. */
    private record Hosting(String provider, String host, List<String> regions) {

        static Hosting of(TaskBrief brief) {
            boolean render = !brief.uses("vercel") && !brief.uses("next.js") && (brief.uses("python") || brief.uses("fastapi"));
            return render ? new Hosting("Render", "onrender.com", RENDER_REGIONS) : new Hosting("Vercel", "vercel.app", VERCEL_REGIONS);
        }
    }

    private static JsonArrayBuilder files(List<SourceFile> files) {
        JsonArrayBuilder array = JsonConventions.json().createArrayBuilder();
        files.forEach(file -> array.add(JsonConventions.json().createObjectBuilder()
                .add("path", file.path()).add("purpose", file.purpose()).add("lines", file.lines())));
        return array;
    }

    private static JsonObjectBuilder page(String route, String title, List<String> components) {
        return JsonConventions.json().createObjectBuilder().add("route", route).add("title", title).add("components", JsonConventions.json().createArrayBuilder(components));
    }

    private static JsonObjectBuilder endpoint(String method, String path, String description) {
        return JsonConventions.json().createObjectBuilder().add("method", method).add("path", path).add("description", description);
    }

    private static JsonObjectBuilder table(String name, JsonArrayBuilder columns) {
        return JsonConventions.json().createObjectBuilder().add("name", name).add("columns", columns);
    }

    private static JsonObjectBuilder column(String name, String type) {
        return JsonConventions.json().createObjectBuilder().add("name", name).add("type", type);
    }
}
