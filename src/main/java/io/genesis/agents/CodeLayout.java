package io.genesis.agents;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the generated code of a business goes, by its tech stack: Next.js pages and API routes, a React single-page
 * app, a FastAPI or Node.js service, SQL migrations and the project files. Line counts are fingerprints of the paths,
 * between {@value #MIN_LINES} and {@value #MIN_LINES} + {@value #LINE_SPREAD}.
 */
final class CodeLayout {

    static final int MIN_LINES = 30;
    static final int LINE_SPREAD = 170;

    /** One generated file. */
    record SourceFile(String path, String purpose, int lines) {
    }

    private final TaskBrief brief;
    private final boolean next;
    private final boolean python;
    private final boolean node;
    private final String script;

    CodeLayout(TaskBrief brief) {
        this.brief = brief;
        this.next = brief.uses("next.js");
        this.python = brief.uses("python") || brief.uses("fastapi");
        this.node = brief.uses("node");
        this.script = brief.uses("typescript") || next ? "tsx" : "jsx";
    }

    /** Whether the stack has a web UI framework (otherwise the frontend is plain HTML pages). */
    boolean hasUiFramework() {
        return next || brief.uses("react") || brief.uses("vue");
    }

    /** The backend's URL prefix: Next.js API routes live under /api, a separate service is versioned. */
    String apiPrefix() {
        return python || node ? "/api/v1" : "/api";
    }

    String language() {
        return python ? "Python" : script.equals("tsx") ? "TypeScript" : "JavaScript";
    }

    List<SourceFile> frontend() {
        List<SourceFile> files = new ArrayList<>();
        for (String resource : brief.resources().keySet()) {
            String component = Identifiers.pascal(resource);
            if (next) {
                files.add(file("app/" + resource + "/page." + script, "page"));
            } else if (hasUiFramework()) {
                files.add(file("src/pages/" + component + "Page." + script, "page"));
            } else {
                files.add(file("public/" + resource + ".html", "page"));
                continue;
            }
            files.add(file("components/" + component + "View." + script, "component"));
        }
        files.add(file(next ? "app/layout." + script : hasUiFramework() ? "src/App." + script : "public/index.html", "layout"));
        return files;
    }

    List<SourceFile> backend() {
        List<SourceFile> files = new ArrayList<>();
        for (String resource : brief.resources().keySet()) {
            String snake = Identifiers.snake(resource);
            if (python) {
                files.add(file("app/routers/" + snake + ".py", "endpoint"));
                files.add(file("app/models/" + snake + ".py", "model"));
                files.add(file("tests/test_" + snake + ".py", "test"));
            } else if (node) {
                files.add(file("src/routes/" + resource + ".ts", "endpoint"));
                files.add(file("src/models/" + resource + ".ts", "model"));
                files.add(file("test/" + resource + ".test.ts", "test"));
            } else {
                files.add(file("app/api/" + resource + "/route.ts", "endpoint"));
                files.add(file("lib/db/" + resource + ".ts", "model"));
                files.add(file("tests/" + resource + ".test.ts", "test"));
            }
        }
        if (brief.uses("postgres") || brief.uses("prisma")) {
            files.add(file(brief.uses("prisma") ? "prisma/schema.prisma" : "db/migrations/001_init.sql", "schema"));
        }
        if (brief.uses("stripe")) {
            files.add(file(python ? "app/routers/stripe_webhooks.py" : node ? "src/routes/stripe-webhooks.ts"
                    : "app/api/webhooks/stripe/route.ts", "endpoint"));
        }
        return files;
    }

    List<SourceFile> project() {
        List<SourceFile> files = new ArrayList<>();
        files.add(file("README.md", "documentation"));
        if (python) {
            files.add(file("pyproject.toml", "build"));
        }
        if (next || node || hasUiFramework()) {
            files.add(file("package.json", "build"));
        }
        if (brief.uses("vercel")) {
            files.add(file("vercel.json", "deployment"));
        }
        files.add(file(".github/workflows/ci.yml", "ci"));
        return files;
    }

    private SourceFile file(String path, String purpose) {
        return new SourceFile(path, purpose, MIN_LINES + Identifiers.bounded(LINE_SPREAD, brief.fingerprint(), path));
    }
}
