package io.genesis.agents;

import io.genesis.api.JsonConventions;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/** Keeping the product sound: test report, security review, monitoring and improvements to the agents' own work. */
final class AssuranceWork {

    static final int MIN_TESTS_PER_FEATURE = 3;
    static final int TEST_SPREAD = 4;
    static final int MIN_COVERAGE_PERCENT = 72;
    static final int COVERAGE_SPREAD = 20;
    static final int BRANCH_COVERAGE_GAP_PERCENT = 8;
    static final double COVERAGE_GOAL = 0.8;
    static final int MIN_IMPROVEMENTS = 3;
    private static final List<String> TEST_CASES = List.of("creates an item", "lists only the account's items",
            "rejects invalid input", "requires a signed-in user", "paginates long lists", "survives a repeated request");
    private static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low");
    /** Improvements worth making when no result shows a problem: change (with the resource) and rationale. */
    private record Baseline(String change, String rationale) {
    }

    private static final List<Baseline> BASELINE_IMPROVEMENTS = List.of(
            new Baseline("Cache the list endpoint of %s", "Lists are the most frequent reads."),
            new Baseline("Index the account_id column behind %s", "Every query filters by account."),
            new Baseline("Add an end-to-end test of %s", "Unit tests alone miss broken flows."));
    private static final Map<String, Double> GAIN_BY_PRIORITY = Map.of("high", 0.15, "medium", 0.08, "low", 0.04);

    /** A security check: when it applies to the brief, the finding it reports. */
    private record Check(Predicate<TaskBrief> applies, String severity, String title, String recommendation) {
    }

    private static final List<Check> SECURITY_CHECKS = List.of(
            new Check(brief -> true, "medium", "HTTP security headers are missing",
                    "Send Content-Security-Policy, Strict-Transport-Security and X-Content-Type-Options on every response."),
            new Check(brief -> mentions(brief, "sign-in", "login", "oauth", "account"), "high", "Sign-in attempts are not rate-limited",
                    "Limit sign-in attempts per account and per IP address, and lock out after ten failures."),
            new Check(brief -> brief.uses("stripe"), "high", "Payment webhooks are trusted without checking their signature",
                    "Verify the Stripe-Signature header of every webhook event before acting on it."),
            new Check(brief -> mentions(brief, "api key"), "high", "API keys are stored in plain text",
                    "Store only a hash of each API key and show the full key once, at creation."),
            new Check(brief -> brief.uses("redis"), "medium", "Redis accepts connections without authentication",
                    "Enable Redis ACLs and TLS, and bind it to the private network."),
            new Check(brief -> brief.uses("openai") || mentions(brief, "chat"), "medium", "Model prompts take unbounded user input",
                    "Cap the length of user input sent to the model and strip instructions hidden in uploaded documents."),
            new Check(brief -> mentions(brief, "messaging", "reviews", "comments", "listing"), "medium",
                    "User-written content is rendered without sanitizing",
                    "Escape user-written text on output and sanitize the HTML that rich-text fields accept."),
            new Check(brief -> brief.uses("postgres"), "low", "Raw SQL would bypass the data layer's parameters",
                    "Keep every SQL statement parameterized; the generated data layer already is."),
            new Check(brief -> true, "low", "Dependency versions are not pinned",
                    "Pin dependency versions and turn on automated update alerts."));

    private AssuranceWork() {
    }

    static Artefact qa(TaskBrief brief) {
        Map<String, Integer> suites = new LinkedHashMap<>();
        brief.resources().keySet().forEach(resource ->
                suites.put(resource, MIN_TESTS_PER_FEATURE + brief.pick(TEST_SPREAD, "tests-" + resource)));
        int total = suites.values().stream().mapToInt(Integer::intValue).sum();
        int failed = Math.min(total, Math.max(0, brief.hooks().getInt("tests_failed", 0)));
        // failures fall on the last suites first (the features built last)
        Map<String, Integer> failures = new LinkedHashMap<>();
        List<String> failing = new ArrayList<>();
        List<String> names = new ArrayList<>(suites.keySet());
        int toFail = failed;
        for (int i = names.size() - 1; i >= 0; i--) {
            int suiteFailed = Math.min(suites.get(names.get(i)), toFail);
            toFail -= suiteFailed;
            failures.put(names.get(i), suiteFailed);
            for (int t = 0; t < suiteFailed; t++) {
                failing.add(names.get(i) + " " + TEST_CASES.get(t % TEST_CASES.size()));
            }
        }
        JsonArrayBuilder suiteArray = JsonConventions.json().createArrayBuilder();
        suites.forEach((name, tests) -> suiteArray.add(JsonConventions.json().createObjectBuilder()
                .add("name", name)
                .add("tests", tests)
                .add("passed", tests - failures.get(name))
                .add("failed", failures.get(name))));
        int lines = MIN_COVERAGE_PERCENT + brief.pick(COVERAGE_SPREAD, "coverage");
        return new Artefact("Ran " + total + " tests in " + suites.size() + " suites: " + (total - failed) + " passed, "
                + failed + " failed, " + lines + "% line coverage", JsonConventions.json().createObjectBuilder()
                .add("tests_total", total)
                .add("tests_passed", total - failed)
                .add("tests_failed", failed)
                .add("coverage", JsonConventions.json().createObjectBuilder()
                        .add("lines", percent(lines))
                        .add("branches", percent(lines - BRANCH_COVERAGE_GAP_PERCENT)))
                .add("suites", suiteArray)
                .add("failing_tests", JsonConventions.json().createArrayBuilder(failing))
                .add("verdict", failed == 0 ? "pass" : "fail")
                .build());
    }

    static Artefact security(TaskBrief brief) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        SEVERITIES.forEach(severity -> counts.put(severity, 0));
        JsonArrayBuilder findings = JsonConventions.json().createArrayBuilder();
        int number = 0;
        for (Check check : SECURITY_CHECKS) {
            if (check.applies().test(brief)) {
                number++;
                counts.merge(check.severity(), 1, Integer::sum);
                findings.add(JsonConventions.json().createObjectBuilder()
                        .add("id", String.format(Locale.ROOT, "SEC-%03d", number))
                        .add("severity", check.severity())
                        .add("title", check.title())
                        .add("recommendation", check.recommendation()));
            }
        }
        JsonObjectBuilder severityCounts = JsonConventions.json().createObjectBuilder();
        counts.forEach(severityCounts::add);
        String risk = SEVERITIES.stream().filter(severity -> counts.get(severity) > 0).findFirst().orElse("none");
        return new Artefact("Reviewed " + brief.businessName() + ": " + number + " findings, highest severity " + risk,
                JsonConventions.json().createObjectBuilder()
                        .add("findings", findings)
                        .add("severity_counts", severityCounts)
                        .add("risk", risk)
                        .build());
    }

    static Artefact monitoring(TaskBrief brief) {
        String url = brief.fromDependencies("deployment_url").orElseGet(() -> BuildWork.deploymentUrl(brief));
        String prefix = new CodeLayout(brief).apiPrefix();
        JsonArrayBuilder checks = JsonConventions.json().createArrayBuilder()
                .add(check("homepage", "http", url, 60, "200"))
                .add(check("tls_certificate", "tls", url, 86_400, "valid for at least 14 more days"));
        brief.resources().keySet().forEach(resource ->
                checks.add(check(resource + "_api", "http", url + prefix + "/" + resource, 300, "200 or 401")));
        JsonArrayBuilder alerts = JsonConventions.json().createArrayBuilder()
                .add(alert("site_down", "homepage check fails 3 times in a row", "critical", "on-call pager"))
                .add(alert("error_rate", "more than 2% of responses are 5xx for 5 minutes", "high", "on-call pager"))
                .add(alert("slow_responses", "95th percentile latency above 300 ms for 10 minutes", "medium", "team chat"))
                .add(alert("certificate_expiry", "TLS certificate expires within 14 days", "medium", "team chat"));
        brief.successMetrics().forEach((metric, target) ->
                alerts.add(alert(metric + "_off_target", metric.replace('_', ' ') + " misses its target " + target + " for a week",
                        "low", "weekly email")));
        int checkCount = brief.resources().size() + 2;
        int alertCount = brief.successMetrics().size() + 4;
        return new Artefact("Set up " + checkCount + " checks and " + alertCount + " alerts for " + url, JsonConventions.json().createObjectBuilder()
                .add("checks", checks)
                .add("alerts", alerts)
                .build());
    }

    static Artefact darwin(TaskBrief brief) {
        List<JsonObject> improvements = new ArrayList<>();
        brief.dependencies().forEach((taskId, result) -> {
            String agent = result.getString("agent", taskId);
            int failed = number(result, "tests_failed");
            if (failed > 0) {
                improvements.add(improvement(taskId, "high", "Fix the " + failed + " failing tests reported by " + agent,
                        "Failing tests block the deployment."));
            }
            if (result.get("coverage") instanceof JsonObject coverage && coverage.get("lines") instanceof JsonNumber lines
                    && lines.doubleValue() < COVERAGE_GOAL) {
                improvements.add(improvement(taskId, "medium", "Raise line coverage from " + Math.round(lines.doubleValue() * 100)
                        + "% to " + Math.round(COVERAGE_GOAL * 100) + "%", "Untested code hides regressions."));
            }
            if (result.get("severity_counts") instanceof JsonObject counts && number(counts, "high") + number(counts, "critical") > 0) {
                improvements.add(improvement(taskId, "high", "Resolve the high-severity security findings of " + agent,
                        "They must be closed before launch."));
            }
            if (number(result, "attempt") > 1) {
                improvements.add(improvement(taskId, "medium", "Make " + agent + " succeed on its first attempt",
                        "It needed " + number(result, "attempt") + " attempts."));
            }
        });
        int observed = improvements.size();
        List<String> resources = List.copyOf(brief.resources().keySet());
        for (int i = 0; improvements.size() < MIN_IMPROVEMENTS && i < resources.size(); i++) {
            String resource = resources.get(i);
            Baseline baseline = BASELINE_IMPROVEMENTS.get(i % BASELINE_IMPROVEMENTS.size());
            improvements.add(improvement(resource, "low", String.format(Locale.ROOT, baseline.change(), resource.replace('-', ' ')),
                    baseline.rationale()));
        }
        JsonArrayBuilder array = JsonConventions.json().createArrayBuilder();
        for (int i = 0; i < improvements.size(); i++) {
            array.add(JsonConventions.json().createObjectBuilder(improvements.get(i)).add("id", "IMP-" + (i + 1)));
        }
        return new Artefact("Proposed " + improvements.size() + " improvements, " + observed + " from problems seen in "
                + brief.dependencies().size() + " results", JsonConventions.json().createObjectBuilder()
                .add("improvements", array)
                .add("observed_problems", observed)
                .build());
    }

    private static boolean mentions(TaskBrief brief, String... fragments) {
        return brief.features().stream().map(feature -> feature.toLowerCase(Locale.ROOT))
                .anyMatch(feature -> List.of(fragments).stream().anyMatch(feature::contains));
    }

    private static BigDecimal percent(int value) {
        return BigDecimal.valueOf(value).divide(BigDecimal.valueOf(100), 2, RoundingMode.UNNECESSARY);
    }

    private static int number(JsonObject json, String key) {
        return json.get(key) instanceof JsonNumber value ? value.intValue() : 0;
    }

    private static JsonObjectBuilder check(String name, String type, String target, int intervalSeconds, String expect) {
        return JsonConventions.json().createObjectBuilder().add("name", name).add("type", type).add("target", target)
                .add("interval_seconds", intervalSeconds).add("expect", expect);
    }

    private static JsonObjectBuilder alert(String name, String condition, String severity, String notify) {
        return JsonConventions.json().createObjectBuilder().add("name", name).add("condition", condition).add("severity", severity).add("notify", notify);
    }

    private static JsonObject improvement(String target, String priority, String change, String rationale) {
        return JsonConventions.json().createObjectBuilder().add("target", target).add("priority", priority).add("change", change)
                .add("rationale", rationale).add("expected_gain", GAIN_BY_PRIORITY.get(priority)).build();
    }
}
